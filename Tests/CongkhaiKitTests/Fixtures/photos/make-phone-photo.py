#!/usr/bin/env python3
"""Makes phone-photo.jpg: a 1200x900 JPEG stored sideways, as a phone held upright stores it, with
an EXIF block carrying Orientation 6 (turn 90 degrees clockwise to show) and a GPS position, the
two things the site must apply and strip. The picture is drawn by libvips (`vips` command): a
gradient with a dark block in its stored top-left corner. Run from this folder."""
import struct
import subprocess
import tempfile
import os

def ifd(entries, next_offset, base):
    """A TIFF IFD (little endian) at offset `base`; values longer than 4 bytes follow it."""
    count = len(entries)
    head = struct.pack("<H", count)
    data_start = base + 2 + 12 * count + 4
    body, extra = b"", b""
    for tag, typ, n, value in entries:
        if isinstance(value, bytes) and len(value) > 4:
            body += struct.pack("<HHII", tag, typ, n, data_start + len(extra))
            extra += value
        elif isinstance(value, bytes):
            body += struct.pack("<HHI", tag, typ, n) + value.ljust(4, b"\0")
        else:
            body += struct.pack("<HHII", tag, typ, n, value) if typ == 4 else struct.pack("<HHIHH", tag, typ, n, value, 0)
    return head + body + struct.pack("<I", next_offset) + extra

def exif():
    # IFD0 at 8: Orientation (SHORT) = 6, GPS IFD pointer (LONG).
    ifd0_size = 2 + 12 * 2 + 4
    gps_offset = 8 + ifd0_size
    ifd0 = ifd([(0x0112, 3, 1, 6), (0x8825, 4, 1, gps_offset)], 0, 8)
    rationals = lambda *pairs: b"".join(struct.pack("<II", a, b) for a, b in pairs)
    gps = ifd([
        (0x0001, 2, 2, b"N\0"), (0x0002, 5, 3, rationals((10, 1), (50, 1), (1234, 100))),
        (0x0003, 2, 2, b"E\0"), (0x0004, 5, 3, rationals((106, 1), (40, 1), (5678, 100))),
    ], 0, gps_offset)
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd0 + gps
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload

with tempfile.TemporaryDirectory() as work:
    base = os.path.join(work, "base.jpg")
    # A horizontal gradient, darkened in the stored top-left 300x300 block.
    subprocess.run(["vips", "xyz", os.path.join(work, "xyz.v"), "1200", "900"], check=True)
    subprocess.run(["vips", "extract_band", os.path.join(work, "xyz.v"), os.path.join(work, "x.v"), "0"], check=True)
    subprocess.run(["vips", "linear", os.path.join(work, "x.v"), os.path.join(work, "g.v"), "0.2", "20"], check=True)
    subprocess.run(["vips", "cast", os.path.join(work, "g.v"), os.path.join(work, "c.v"), "uchar"], check=True)
    subprocess.run(["vips", "bandjoin_const", os.path.join(work, "c.v"), os.path.join(work, "rgb.v"), "120 180"], check=True)
    subprocess.run(["vips", "draw_rect", os.path.join(work, "rgb.v"), "10 10 10", "0", "0", "300", "300", "--fill"], check=True)
    subprocess.run(["vips", "jpegsave", os.path.join(work, "rgb.v"), base, "--Q", "85", "--strip"], check=True)
    data = open(base, "rb").read()
assert data[:2] == b"\xff\xd8"
open("phone-photo.jpg", "wb").write(data[:2] + exif() + data[2:])
print("phone-photo.jpg:", len(data), "bytes + EXIF")
