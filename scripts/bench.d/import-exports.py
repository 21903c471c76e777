#!/usr/bin/env python3
"""Writes one Biểu 06a export per unit, as the one-door system would, for timing `congkhai import`.

    import-exports.py CONTENT OUT --period 2022-01 [--format xlsx|csv]

For each unit of CONTENT/units.yml that filed dossiers in the month before PERIOD, an export with
the same fields: carried over = last month's pending, new figures drawn from a seeded generator,
in the real layout (title rows, a three-row merged header, column numbers, "Tổng số", "Cấp xã",
signatures). xlsx files are written with inline strings through the standard library's zipfile
(the test data only; congkhai reads them with ZIPFoundation and XMLCoder); csv files in
Windows-1258 with `;` and CRLF.
"""
import argparse, csv, os, random, re, unicodedata, zipfile
from xml.sax.saxutils import escape

HEADER = [
    (0, 0, 2, 0, "STT"), (0, 1, 2, 1, "Lĩnh vực, công việc giải quyết theo cấp"),
    (0, 2, 0, 5, "Số hồ sơ nhận giải quyết"), (1, 2, 2, 2, "Tổng số"), (1, 3, 1, 5, "Trong đó"),
    (2, 3, 2, 3, "Số kỳ trước chuyển qua"), (2, 4, 2, 4, "Số mới tiếp nhận trực tuyến"),
    (2, 5, 2, 5, "Số mới tiếp nhận (trực tiếp, dịch vụ bưu chính)"),
    (0, 6, 0, 12, "Kết quả giải quyết"), (1, 6, 1, 9, "Số hồ sơ đã giải quyết"), (2, 6, 2, 6, "Tổng số"),
    (2, 7, 2, 7, "Trả trước hạn"), (2, 8, 2, 8, "Trả đúng thời hạn"), (2, 9, 2, 9, "Trả quá hạn"),
    (1, 10, 1, 12, "Số hồ sơ đang giải quyết"), (2, 10, 2, 10, "Tổng số"), (2, 11, 2, 11, "Chưa đến hạn"),
    (2, 12, 2, 12, "Quá hạn"), (0, 13, 2, 13, "Ghi chú"),
]


def yaml_list(path):
    items, item = [], None
    for line in open(path, encoding="utf-8"):
        m = re.match(r'^(- |  )(\w+):\s*"?(.*?)"?\s*$', line)
        if not m:
            continue
        if m.group(1) == "- ":
            item = {}
            items.append(item)
        item[m.group(2)] = m.group(3)
    return items


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def grid(unit, period, rows):
    y, m = map(int, period.split("-"))
    last = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    cells, merges = {}, []
    def put(r, c, v):
        cells[(r, c)] = v
    put(0, 0, "ỦY BAN NHÂN DÂN QUẬN"); put(0, 11, "Biểu số 06a/VPCP/KSTT")
    put(2, 0, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
    merges.append((2, 0, 2, 13))
    put(3, 0, f"Kỳ báo cáo: Tháng {m} năm {y}"); merges.append((3, 0, 3, 13))
    put(4, 0, f"(Từ ngày 01/{m:02d}/{y} đến ngày {last}/{m:02d}/{y})"); merges.append((4, 0, 4, 13))
    put(6, 0, f"Đơn vị báo cáo: {unit['name']}")
    put(7, 0, "Đơn vị nhận báo cáo: Ủy ban nhân dân quận")
    put(8, 0, "Đơn vị tính: Số hồ sơ TTHC")
    top = 9
    for r1, c1, r2, c2, text in HEADER:
        put(top + r1, c1, text)
        if (r1, c1) != (r2, c2):
            merges.append((top + r1, c1, top + r2, c2))
    for c in range(14):
        put(top + 3, c, f"({c + 1})")
    r = top + 4
    keys = ["carried_over", "received_online", "received_offline", "resolved_early", "resolved_on_time",
            "resolved_late", "pending_in_time", "pending_overdue"]
    def line(values):
        v = values
        return [v["carried_over"] + v["received_online"] + v["received_offline"], v["carried_over"], v["received_online"],
                v["received_offline"], v["resolved_early"] + v["resolved_on_time"] + v["resolved_late"], v["resolved_early"],
                v["resolved_on_time"], v["resolved_late"], v["pending_in_time"] + v["pending_overdue"], v["pending_in_time"],
                v["pending_overdue"]]
    total = {k: sum(row[1][k] for row in rows) for k in keys}
    put(r, 1, "Tổng số")
    for i, v in enumerate(line(total)):
        put(r, 2 + i, v)
    put(r + 1, 0, "I"); put(r + 1, 1, "Cấp xã" if unit.get("kind") == "ward" else "Cấp huyện")
    r += 2
    for n, (name, values) in enumerate(rows, 1):
        put(r, 0, str(n)); put(r, 1, name)
        for i, v in enumerate(line(values)):
            put(r, 2 + i, v if v else "")
        r += 1
    put(r + 1, 1, "NGƯỜI LẬP BIỂU"); put(r + 1, 10, "CHỦ TỊCH")
    put(r + 2, 1, "(Ký, ghi rõ họ tên)"); put(r + 2, 10, "(Ký tên, đóng dấu)")
    return cells, merges


def write_xlsx(path, cells, merges):
    rows = {}
    for (r, c), v in cells.items():
        rows.setdefault(r, []).append((c, v))
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r in sorted(rows):
        xml.append(f'<row r="{r + 1}">')
        for c, v in sorted(rows[r]):
            ref = f"{col(c)}{r + 1}"
            if isinstance(v, int):
                xml.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                xml.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        xml.append("</row>")
    xml.append(f'</sheetData><mergeCells count="{len(merges)}">')
    for r1, c1, r2, c2 in merges:
        xml.append(f'<mergeCell ref="{col(c1)}{r1 + 1}:{col(c2)}{r2 + 1}"/>')
    xml.append("</mergeCells></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Biểu 06a" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "".join(xml))


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text):
    """Windows-1258 as Vietnamese Windows writes it: the letter, then its tone as a combining mark."""
    out = []
    for ch in str(text):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(p for p in parts if p in TONES)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
        out.append(base + tones)
    return "".join(out)


def write_csv(path, cells):
    height = max(r for r, _ in cells) + 1
    with open(path, "w", encoding="cp1258", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        for r in range(height):
            w.writerow([cp1258(cells.get((r, c), "")) for c in range(14)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("content"); ap.add_argument("out")
    ap.add_argument("--period", default="2022-01"); ap.add_argument("--format", default="xlsx")
    a = ap.parse_args()
    units = {u["id"]: u for u in yaml_list(os.path.join(a.content, "units.yml"))}
    fields = {f["id"]: f["name"] for f in yaml_list(os.path.join(a.content, "fields.yml"))}
    y, m = map(int, a.period.split("-"))
    prev = f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"
    pending = {}
    folder = os.path.join(a.content, "metrics", "dossiers")
    for name in sorted(os.listdir(folder)):
        for row in csv.DictReader(open(os.path.join(folder, name), encoding="utf-8-sig")):
            if row["period"] == prev:
                pending.setdefault(row["unit"], []).append((row["field"], int(row["pending_in_time"]) + int(row["pending_overdue"])))
    os.makedirs(a.out, exist_ok=True)
    rnd = random.Random(2022)
    for unit_id in sorted(pending):
        rows = []
        for field, carried in pending[unit_id]:
            online, offline = rnd.randint(0, 40), rnd.randint(5, 200)
            todo = carried + online + offline
            pend = rnd.randint(0, todo // 5)
            late = rnd.randint(0, max(0, (todo - pend) // 50))
            early = rnd.randint(0, todo - pend - late)
            rows.append((fields.get(field, field), dict(carried_over=carried, received_online=online, received_offline=offline,
                        resolved_early=early, resolved_on_time=todo - pend - late - early, resolved_late=late,
                        pending_in_time=pend, pending_overdue=0)))
        cells, merges = grid(units[unit_id], a.period, rows)
        target = os.path.join(a.out, f"{unit_id}.{a.format}")
        write_xlsx(target, cells, merges) if a.format == "xlsx" else write_csv(target, cells)
    print(f"{len(pending)} exports in {a.out}")


if __name__ == "__main__":
    main()
