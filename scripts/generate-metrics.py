#!/usr/bin/env python3
"""Generate ILLUSTRATIVE metric files for the congkhai sample site (Quận Gò Vấp, 2021).

Purpose
    The district's real monthly exports (one-door system, satisfaction surveys, feedback
    handling, online services) are not in this repository. This script writes plausible,
    internally consistent stand-ins in the formats of SPEC.md ("Content formats") so that
    the site, its tests and its benchmarks have something realistic to build. THE FIGURES
    ARE ILLUSTRATIVE: simulated, not reported by any unit. Replace them with real exports.

Usage
    scripts/generate-metrics.py                        # Content/metrics/, 2021-01 .. 2021-10
    scripts/generate-metrics.py --seed 7               # another (still deterministic) draw
    scripts/generate-metrics.py --out /tmp/small --months 3 --units phuong-1,phong-tu-phap
                                                       # a small variant for tests

    --content DIR   where units.yml and fields.yml are read (default: Content/ beside scripts/)
    --out DIR       where the metric folders are written (default: <content>/metrics)
    --months N      write 2021-01 .. 2021-N (1..12, default 10: the site is built in November)
    --units a,b,c   write rows for these unit ids only (the rows are exactly the ones the full
                    run writes for those units: every unit x field series has its own seed)
    --seed N        random seed (default 2021)
    --clean         first delete the 2021 CSV files this script manages under --out

Output (UTF-8 without BOM, LF line ends, rows in units.yml order, then fields.yml order)
    dossiers/2021-MM.csv      unit,period,field,carried_over,received_online,received_offline,
                              resolved_early,resolved_on_time,resolved_late,pending_in_time,
                              pending_overdue
    satisfaction/2021-MM.csv  unit,period,field,very_satisfied,satisfied,dissatisfied
    feedback/2021-MM.csv      unit,period,carried_over,received,handled_on_time,handled_late,
                              pending_in_time,pending_overdue,results_published
    online/2021-MM.csv        unit,period,procedures_total,level3,level4
    and the datasets declared in Content/datasets.yml:
    inspections/2021.csv, spot_inspections/2021-Qn.csv, e_office/2021-Qn.csv,
    e_payment/2021-Qn.csv, portal_1022/2021-MM.csv  (quarters only once complete)

Invariants (what tests and `congkhai check` may rely on)
    * every count is a non-negative integer;
    * dossiers: carried_over + received_online + received_offline
        = resolved_early + resolved_on_time + resolved_late + pending_in_time + pending_overdue,
      and carried_over = last month's pending_in_time + pending_overdue (same unit x field);
      January 2021 carries over December 2020's simulated pending dossiers;
    * feedback: carried_over + received = handled_on_time + handled_late + pending_in_time
        + pending_overdue, results_published <= handled, carried_over = last month's pending;
    * online: level3 + level4 <= procedures_total;
    * portal_1022: handled_on_time + handled_late <= received; e_office and e_payment: part <= total.

Simulation
    2020 is simulated too (not written) so that 2021 starts from a realistic carry-over and so
    that the 2020 baselines of targets I.3.1 and I.3.2 can be printed; the values in
    Content/targets.yml are the ones printed for seed 2021. Volumes dip in February (Tết) and in
    July-September 2021 (HCMC's COVID-19 lockdown), when online shares rise and lateness grows.
    A few units stop reporting one or two months before the last month (see STALE), so that the
    compliance page has stale and missing units.

Deterministic: stdlib only, string-seeded random.Random per series, no hash-ordered iteration;
running it twice gives byte-identical files.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2021
BASELINE_YEAR = 2020
LOCKDOWN = {7: 0.5, 8: 0.25, 9: 0.45}          # 2021 volume factor, HCMC lockdown
SEASON = {1: 1.1, 2: 0.7, 3: 1.05, 12: 1.1}     # Tết falls in February in both years

# Units that stop reporting N months before the last written month (stale / missing figures).
STALE = {"phuong-14": 2, "phong-kinh-te": 1, "truong-trung-cap-nghe-quang-trung": 1}

# Procedure fields each unit settles. Units not listed (and not wards) file no dossiers.
WARD_FIELDS = ["ho-tich", "chung-thuc", "dat-dai", "xay-dung", "lao-dong-tbxh"]
UNIT_FIELDS = {
    "phong-noi-vu": ["thi-dua-khen-thuong"],
    "phong-tu-phap": ["ho-tich", "chung-thuc"],
    "phong-tai-chinh-ke-hoach": ["dang-ky-kinh-doanh", "dau-tu"],
    "phong-tai-nguyen-moi-truong": ["dat-dai", "moi-truong"],
    "phong-lao-dong-tbxh": ["lao-dong-tbxh"],
    "phong-van-hoa-thong-tin": ["van-hoa"],
    "phong-giao-duc-dao-tao": ["giao-duc"],
    "phong-y-te": ["y-te"],
    "thanh-tra-quan": ["khieu-nai-to-cao"],
    "phong-kinh-te": ["luu-thong-hang-hoa"],
    "phong-quan-ly-do-thi": ["xay-dung", "nha-o"],
    "trung-tam-gdnn-gdtx": ["giao-duc"],
    "truong-trung-cap-nghe-quang-trung": ["giao-duc-nghe-nghiep"],
}

# Monthly dossiers received (range of the series' mean), by (unit id or "ward", field).
VOLUME = {
    ("ward", "ho-tich"): (60, 160), ("ward", "chung-thuc"): (150, 400),
    ("ward", "dat-dai"): (6, 25), ("ward", "xay-dung"): (4, 15), ("ward", "lao-dong-tbxh"): (20, 60),
    ("phong-noi-vu", "thi-dua-khen-thuong"): (10, 30),
    ("phong-tu-phap", "ho-tich"): (10, 30), ("phong-tu-phap", "chung-thuc"): (200, 450),
    ("phong-tai-chinh-ke-hoach", "dang-ky-kinh-doanh"): (250, 380),
    ("phong-tai-chinh-ke-hoach", "dau-tu"): (8, 16),
    ("phong-tai-nguyen-moi-truong", "dat-dai"): (600, 850),
    ("phong-tai-nguyen-moi-truong", "moi-truong"): (10, 30),
    ("phong-lao-dong-tbxh", "lao-dong-tbxh"): (60, 140),
    ("phong-van-hoa-thong-tin", "van-hoa"): (10, 25),
    ("phong-giao-duc-dao-tao", "giao-duc"): (20, 60),
    ("phong-y-te", "y-te"): (10, 30),
    ("thanh-tra-quan", "khieu-nai-to-cao"): (3, 10),
    ("phong-kinh-te", "luu-thong-hang-hoa"): (15, 40),
    ("phong-quan-ly-do-thi", "xay-dung"): (150, 250), ("phong-quan-ly-do-thi", "nha-o"): (10, 30),
    ("trung-tam-gdnn-gdtx", "giao-duc"): (3, 10),
    ("truong-trung-cap-nghe-quang-trung", "giao-duc-nghe-nghiep"): (2, 8),
}

# 2020 share of dossiers received online, by field (range of the series' starting value).
ONLINE_2020 = {
    "chung-thuc": (0.04, 0.08), "ho-tich": (0.08, 0.16), "dat-dai": (0.06, 0.12),
    "dang-ky-kinh-doanh": (0.22, 0.34), "xay-dung": (0.12, 0.22), "khieu-nai-to-cao": (0.0, 0.03),
}
ONLINE_2020_DEFAULT = (0.06, 0.16)
HARD_FIELDS = ("dat-dai", "dau-tu")              # plan I.5.2: late rate below 4%

# Procedures a unit offers (procedures_total) and how many at level 3 / 4 in December 2020.
ONLINE_OFFER = {  # unit or "ward": (total range, level3 range, level4 range)
    "ward": ((108, 118), (5, 8), (0, 1)),
    "phong-noi-vu": ((22, 28), (3, 5), (0, 1)),
    "phong-tu-phap": ((36, 44), (4, 7), (0, 2)),
    "phong-tai-chinh-ke-hoach": ((30, 38), (6, 9), (1, 3)),
    "phong-tai-nguyen-moi-truong": ((40, 50), (5, 8), (0, 1)),
    "phong-lao-dong-tbxh": ((32, 40), (4, 7), (0, 1)),
    "phong-van-hoa-thong-tin": ((12, 18), (2, 4), (0, 1)),
    "phong-giao-duc-dao-tao": ((26, 34), (4, 6), (0, 1)),
    "phong-y-te": ((12, 18), (2, 4), (0, 0)),
    "thanh-tra-quan": ((6, 10), (0, 1), (0, 0)),
    "phong-kinh-te": ((10, 14), (2, 4), (0, 1)),
    "phong-quan-ly-do-thi": ((28, 34), (4, 7), (0, 1)),
    "trung-tam-gdnn-gdtx": ((2, 4), (0, 1), (0, 0)),
    "truong-trung-cap-nghe-quang-trung": ((1, 3), (0, 1), (0, 0)),
}

# Feedback (phản ánh, kiến nghị) received per month, range of the series' mean.
FEEDBACK_VOLUME = {
    "ward": (3, 12), "agency": (1, 6), "service-unit": (0.2, 1.5),
    "van-phong-ubnd": (8, 20), "thanh-tra-quan": (4, 10), "phong-quan-ly-do-thi": (5, 12),
    "phong-tai-nguyen-moi-truong": (5, 12), "ban-boi-thuong-gpmb": (2, 6),
}

HEADERS = {
    "dossiers": "unit,period,field,carried_over,received_online,received_offline,resolved_early,"
                "resolved_on_time,resolved_late,pending_in_time,pending_overdue",
    "satisfaction": "unit,period,field,very_satisfied,satisfied,dissatisfied",
    "feedback": "unit,period,carried_over,received,handled_on_time,handled_late,pending_in_time,"
                "pending_overdue,results_published",
    "online": "unit,period,procedures_total,level3,level4",
    # declared in Content/datasets.yml; keep the two in step
    "inspections": "unit,period,agencies_total,agencies_inspected,wards_total,wards_inspected",
    "spot_inspections": "unit,period,par_units,conduct_units",
    "e_office": "unit,period,documents_sent,documents_electronic,leaders_total,leaders_using_email",
    "e_payment": "unit,period,units_total,units_with_epayment",
    "portal_1022": "unit,period,received,handled_on_time,handled_late",
}
MONTHLY = ("dossiers", "satisfaction", "feedback", "online", "portal_1022")
QUARTERLY = ("spot_inspections", "e_office", "e_payment")
YEARLY = ("inspections",)


# ---------------------------------------------------------------- reading the YAML lists

def _scalar(text):
    """A plain or double/single-quoted YAML scalar, as a string (comments dropped)."""
    text = text.strip()
    if text[:1] in ('"', "'"):
        q = text[0]
        out, i = [], 1
        while i < len(text) and text[i] != q:
            if q == '"' and text[i] == "\\" and i + 1 < len(text):
                i += 1
            out.append(text[i])
            i += 1
        return "".join(out)
    return re.split(r"\s+#", text, maxsplit=1)[0].strip()


def read_list(path):
    """Read a top-level YAML list of mappings in the layout of units.yml / fields.yml.

    Only the first-level `key: value` pairs are kept; nested blocks (such as `renamed:`) are
    skipped. This is not a general YAML parser, just enough for the files this repo ships.
    """
    items = []
    with open(path, encoding="utf-8-sig") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if line.startswith("- "):
                items.append({})
                body = line[2:]
            elif line.startswith("  ") and not line.startswith("   ") and not line.startswith("  -"):
                if not items:
                    raise SystemExit(f"{path}: unexpected line: {line}")
                body = line[2:]
            else:
                continue                               # deeper: a nested block
            key, sep, value = body.partition(":")
            if not sep:
                raise SystemExit(f"{path}: expected 'key: value': {line}")
            items[-1][key.strip()] = _scalar(value)
    return items


# ---------------------------------------------------------------- helpers

def months_of(year):
    return [(year, m) for m in range(1, 13)]


def period_str(y, m):
    return f"{y:04d}-{m:02d}"


def volume_factor(y, m):
    f = SEASON.get(m, 1.0)
    if y == 2020 and m == 4:
        f *= 0.5                                     # social distancing, April 2020
    if y == 2021:
        f *= LOCKDOWN.get(m, 1.0) * 1.04             # a little more work than in 2020
    return f


def draw(rng, lo, hi):
    return lo + (hi - lo) * rng.random()


def pick_int(rng, lo, hi):
    """Uniform integer in [lo, hi], independent of random.randint's implementation."""
    return lo + min(hi - lo, int(rng.random() * (hi - lo + 1)))


def poisson_like(rng, mean):
    """A non-negative integer around `mean` (rounded uniform noise; small means stay small)."""
    if mean <= 0:
        return 0
    if mean < 3:
        n = 0
        for _ in range(6):                           # binomial(6, mean/6)
            if rng.random() < mean / 6:
                n += 1
        return n
    return max(0, int(round(mean * draw(rng, 0.8, 1.2))))


def binomial(rng, n, p):
    """Successes in n trials (drawn one by one for small n, else the rounded mean with noise)."""
    if n <= 60:
        return sum(1 for _ in range(n) if rng.random() < p)
    return min(n, max(0, int(round(n * p * draw(rng, 0.85, 1.15)))))


# ---------------------------------------------------------------- dossiers and satisfaction

class DossierSeries:
    """One unit x field: dossiers settled month by month, and the satisfaction survey."""

    def __init__(self, seed, unit, field):
        self.rng = random.Random(f"{seed}/dossiers/{unit['id']}/{field}")
        self.srng = random.Random(f"{seed}/satisfaction/{unit['id']}/{field}")
        r = self.rng
        key = ("ward" if unit["kind"] == "ward" else unit["id"], field)
        lo, hi = VOLUME[key]
        self.base = draw(r, lo, hi)
        olo, ohi = ONLINE_2020.get(field, ONLINE_2020_DEFAULT)
        self.online0 = draw(r, olo, ohi)
        self.online_slope = draw(r, 0.001, 0.004) if field != "khieu-nai-to-cao" else 0.0005
        if field in HARD_FIELDS:
            self.late = draw(r, 0.02, 0.065)
        elif r.random() < 0.2:
            self.late = draw(r, 0.015, 0.045)
        else:
            self.late = draw(r, 0.0, 0.008)
        self.early = draw(r, 0.3, 0.7)
        self.overdue = draw(r, 0.2, 1.0)             # overdue share of pending, relative to late
        self.pending = int(self.base * draw(r, 0.08, 0.2))
        s = self.srng
        # survey responses per resolved dossier (small offices ask nearly everyone)
        self.resp = draw(s, 0.1, 0.4) if self.base >= 20 else draw(s, 0.4, 0.8)
        if field == "dat-dai":
            self.dis = draw(s, 0.09, 0.13)
        elif s.random() < 0.2:
            self.dis = draw(s, 0.04, 0.1)
        else:
            self.dis = draw(s, 0.005, 0.04)
        self.very = draw(s, 0.3, 0.6)

    def step(self, y, m, t):
        """Simulate one month; t counts months from January 2020."""
        r = self.rng
        lock = y == 2021 and m in LOCKDOWN
        carried = self.pending
        received = poisson_like(r, self.base * volume_factor(y, m))
        share = self.online0 + self.online_slope * t + (0.07 if lock else 0.0)
        share = min(0.9, max(0.0, share * draw(r, 0.85, 1.15)))
        online = int(round(received * share))
        offline = received - online
        total = carried + received
        resolved = min(total, int(round(total * (draw(r, 0.6, 0.75) if lock else draw(r, 0.8, 0.92)))))
        late_rate = min(0.5, self.late * draw(r, 0.4, 1.6) * (1.8 if lock else 1.0))
        late = min(resolved, int(round(resolved * late_rate)))
        ok = resolved - late
        early = min(ok, int(round(ok * self.early * draw(r, 0.85, 1.15))))
        on_time = ok - early
        pending = total - resolved
        overdue = min(pending, int(round(pending * min(1.0, late_rate * self.overdue * draw(r, 0.5, 1.5) * 3))))
        in_time = pending - overdue
        self.pending = pending
        row = (carried, online, offline, early, on_time, late, in_time, overdue)
        return row, resolved

    def survey(self, resolved, y, m):
        s = self.srng
        responses = poisson_like(s, resolved * self.resp)
        dis_rate = min(0.5, self.dis * draw(s, 0.5, 1.5) * (1.2 if y == 2021 and m in LOCKDOWN else 1.0))
        dis = binomial(s, responses, dis_rate)
        sat_all = responses - dis
        very = int(round(sat_all * self.very * draw(s, 0.85, 1.15)))
        very = min(sat_all, very)
        return very, sat_all - very, dis


# ---------------------------------------------------------------- feedback and online offer

class FeedbackSeries:
    def __init__(self, seed, unit):
        self.rng = random.Random(f"{seed}/feedback/{unit['id']}")
        lo, hi = FEEDBACK_VOLUME.get(unit["id"], FEEDBACK_VOLUME[unit["kind"]])
        self.base = draw(self.rng, lo, hi)
        self.in_time = 0
        self.overdue = 0

    def step(self, y, m):
        r = self.rng
        carried = self.in_time + self.overdue
        boost = 1.4 if (y == 2021 and m in LOCKDOWN) else 1.0   # support-package petitions
        received = poisson_like(r, self.base * boost)
        open_total = carried + received
        pending = 0
        if open_total and r.random() < 0.25:
            pending = min(open_total, pick_int(r, 1, 2))
        handled = open_total - pending
        late = min(handled, 1 if r.random() < 0.08 else 0)
        # an overdue item stays overdue; a new one becomes overdue now and then
        overdue = min(pending, self.overdue + (1 if r.random() < 0.15 else 0))
        in_time = pending - overdue
        published = handled
        if handled and r.random() < 0.1:
            published = handled - min(handled, pick_int(r, 1, 2))
        self.in_time, self.overdue = in_time, overdue
        return (carried, received, handled - late, late, in_time, overdue, published)


class OnlineOffer:
    def __init__(self, seed, unit):
        self.rng = random.Random(f"{seed}/online/{unit['id']}")
        r = self.rng
        key = "ward" if unit["kind"] == "ward" else unit["id"]
        (tl, th), (l3l, l3h), (l4l, l4h) = ONLINE_OFFER[key]
        self.total = pick_int(r, tl, th)
        self.level3 = pick_int(r, l3l, l3h)
        self.level4 = pick_int(r, l4l, l4h)
        self.dec2020 = None

    def step(self, y, m):
        """State at the end of the month (the offer changes only now and then)."""
        r = self.rng
        if y == 2021:                                # 2020 figures are the December 2020 state
            if r.random() < 0.08:
                self.total += 1                       # a new procedure published by the city
            if r.random() < 0.07:
                self.level3 += 1
            if r.random() < 0.03:
                self.level4 += 1
            if self.level4 and r.random() < 0.02:
                self.level4 -= 1                      # moved back to level 3 after a review
                self.level3 += 1
        self.level3 = min(self.level3, self.total)
        self.level4 = min(self.level4, self.total - self.level3)
        return (self.total, self.level3, self.level4)


# ---------------------------------------------------------------- declared datasets

def write_declared(seed, units, selected, last_month, stale_last, rows):
    """Rows for the datasets of Content/datasets.yml; appends to rows[(dataset, period)]."""
    n_agencies = sum(1 for u in units if u["kind"] in ("agency", "service-unit"))
    n_wards = sum(1 for u in units if u["kind"] == "ward")
    quarters = [q for q in range(1, 5) if 3 * q <= last_month]

    def reports(uid, month):
        return uid in selected and month <= stale_last.get(uid, last_month)

    # I.2.1 periodic inspections: one year-to-date row filed by Phòng Nội vụ.
    r = random.Random(f"{seed}/inspections")
    slots = [3, 4, 5, 6, 10, 11, 12]                  # no inspections during the lockdown
    agency_months = sorted(slots[pick_int(r, 0, len(slots) - 1)] for _ in range(8))
    ward_months = sorted(slots[pick_int(r, 0, len(slots) - 1)] for _ in range(10))
    if reports("phong-noi-vu", last_month):
        rows[("inspections", f"{YEAR}")].append(
            ("phong-noi-vu", f"{YEAR}", n_agencies, sum(1 for m in agency_months if m <= last_month),
             n_wards, sum(1 for m in ward_months if m <= last_month)))

    # I.2.2 / I.2.3 surprise inspections, per quarter.
    r = random.Random(f"{seed}/spot_inspections")
    for q in range(1, 5):
        lock = q == 3
        par = pick_int(r, 0, 1) if lock else pick_int(r, 1, 4)
        conduct = pick_int(r, 1, 3) if lock else pick_int(r, 4, 7)
        if q in quarters and reports("phong-noi-vu", 3 * q):
            rows[("spot_inspections", f"{YEAR}-Q{q}")].append(("phong-noi-vu", f"{YEAR}-Q{q}", par, conduct))

    # I.6.1 / I.6.2 electronic office, per quarter, every agency and ward.
    for u in units:
        if u["kind"] not in ("agency", "ward"):
            continue
        r = random.Random(f"{seed}/e_office/{u['id']}")
        leaders = pick_int(r, 2, 4) if u["kind"] == "agency" else pick_int(r, 3, 4)
        paper_prone = r.random() < 0.25
        for q in range(1, 5):
            lo, hi = (120, 450) if u["kind"] == "agency" else (200, 600)
            sent = int(round(draw(r, lo, hi) * (0.8 if q == 3 else 1.0)))
            paper = pick_int(r, 1, 6) if (paper_prone and r.random() < 0.6) else 0
            no_mail = 1 if r.random() < 0.04 else 0
            if q in quarters and reports(u["id"], 3 * q):
                rows[("e_office", f"{YEAR}-Q{q}")].append(
                    (u["id"], f"{YEAR}-Q{q}", sent, sent - min(sent, paper), leaders, leaders - no_mail))

    # I.6.3 e-payment in public schools and health units, per quarter.
    adoption = {"phong-giao-duc-dao-tao": (58, [44, 51, 55, 57]), "phong-y-te": (2, [1, 2, 2, 2])}
    for uid in ("phong-giao-duc-dao-tao", "phong-y-te"):
        r = random.Random(f"{seed}/e_payment/{uid}")
        total, plan = adoption[uid]
        for q in range(1, 5):
            using = min(total, max(0, plan[q - 1] + pick_int(r, -1, 1)))
            if q in quarters and reports(uid, 3 * q):
                rows[("e_payment", f"{YEAR}-Q{q}")].append((uid, f"{YEAR}-Q{q}", total, using))

    # I.7.2 feedback on the city's 1022 portal, per month, every agency and ward.
    for u in units:
        if u["kind"] not in ("agency", "ward"):
            continue
        r = random.Random(f"{seed}/portal_1022/{u['id']}")
        base = draw(r, 1, 8) if u["kind"] == "ward" else draw(r, 0, 4)
        for m in range(1, 13):
            received = poisson_like(r, base * (1.5 if m in LOCKDOWN else 1.0))
            late = 1 if (received and r.random() < 0.05) else 0
            open_ = 1 if (received - late > 0 and r.random() < 0.1) else 0
            on_time = received - late - open_
            if m <= last_month and reports(u["id"], m):
                p = period_str(YEAR, m)
                rows[("portal_1022", p)].append((u["id"], p, received, on_time, late))


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--content", default=os.path.join(HERE, os.pardir, "Content"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--months", type=int, default=10)
    ap.add_argument("--units", default=None, help="comma-separated unit ids (default: all)")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--clean", action="store_true")
    args = ap.parse_args(argv)
    if not 1 <= args.months <= 12:
        ap.error("--months must be between 1 and 12")

    content = os.path.normpath(args.content)
    out = os.path.normpath(args.out or os.path.join(content, "metrics"))
    units = read_list(os.path.join(content, "units.yml"))
    fields = read_list(os.path.join(content, "fields.yml"))
    field_ids = [f["id"] for f in fields]
    unit_ids = [u["id"] for u in units]
    if args.units:
        wanted = [s.strip() for s in args.units.split(",") if s.strip()]
        unknown = [w for w in wanted if w not in unit_ids]
        if unknown:
            ap.error("unknown unit id(s): " + ", ".join(unknown))
        selected = set(wanted)
    else:
        selected = set(unit_ids)
    for uid, fl in UNIT_FIELDS.items():
        for f in fl + WARD_FIELDS:
            if f not in field_ids:
                raise SystemExit(f"field {f} (unit {uid}) is not in fields.yml")

    last = args.months
    stale_last = {uid: max(0, last - k) for uid, k in STALE.items()}

    def reports(uid, m):
        return uid in selected and m <= stale_last.get(uid, last)

    rows = {}
    for ds in HEADERS:
        for m in range(1, last + 1):
            rows[(ds, period_str(YEAR, m))] = []
        for q in range(1, 5):
            rows[(ds, f"{YEAR}-Q{q}")] = []
        rows[(ds, f"{YEAR}")] = []

    base_online = base_received = base_level34 = 0
    # simulate every unit (also unselected ones: the baselines cover the whole district)
    for u in units:
        fl = WARD_FIELDS if u["kind"] == "ward" else UNIT_FIELDS.get(u["id"], [])
        fl = sorted(fl, key=field_ids.index)
        series = [(f, DossierSeries(args.seed, u, f)) for f in fl]
        fb = FeedbackSeries(args.seed, u)
        offer = OnlineOffer(args.seed, u) if fl else None
        t = 0
        for y in (BASELINE_YEAR, YEAR):
            for _, m in months_of(y):
                p = period_str(y, m)
                out_now = y == YEAR and m <= last and reports(u["id"], m)
                for f, s in series:
                    row, resolved = s.step(y, m, t)
                    survey = s.survey(resolved, y, m)
                    if y == BASELINE_YEAR:
                        base_online += row[1]
                        base_received += row[1] + row[2]
                    if out_now:
                        rows[("dossiers", p)].append((u["id"], p, f) + row)
                        rows[("satisfaction", p)].append((u["id"], p, f) + survey)
                fbrow = fb.step(y, m)
                if out_now:
                    rows[("feedback", p)].append((u["id"], p) + fbrow)
                if offer:
                    state = offer.step(y, m)
                    if (y, m) == (BASELINE_YEAR, 12):
                        base_level34 += state[1] + state[2]
                    if out_now:
                        rows[("online", p)].append((u["id"], p) + state)
                t += 1

    write_declared(args.seed, units, selected, last, stale_last, rows)

    if args.clean:
        pat = re.compile(rf"^{YEAR}(-\d\d|-Q[1-4])?\.csv$")
        for ds in HEADERS:
            d = os.path.join(out, ds)
            if os.path.isdir(d):
                for name in sorted(os.listdir(d)):
                    if pat.match(name):
                        os.remove(os.path.join(d, name))

    order = {uid: i for i, uid in enumerate(unit_ids)}
    forder = {fid: i for i, fid in enumerate(field_ids)}
    written = 0
    nrows = 0
    for (ds, period), rs in sorted(rows.items()):
        if ds in MONTHLY and not re.match(r"^\d{4}-\d\d$", period):
            continue
        if ds in QUARTERLY and "-Q" not in period:
            continue
        if ds in YEARLY and "-" in period:
            continue
        if not rs:
            continue
        has_field = ds in ("dossiers", "satisfaction")
        rs = sorted(rs, key=lambda r: (order[r[0]], forder[r[2]] if has_field else 0))
        d = os.path.join(out, ds)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, period + ".csv"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(HEADERS[ds] + "\n")
            for r in rs:
                fh.write(",".join(str(v) for v in r) + "\n")
        written += 1
        nrows += len(rs)

    share = base_online / base_received if base_received else 0.0
    print(f"wrote {written} files, {nrows} rows under {out} (seed {args.seed}, 2021-01..{period_str(YEAR, last)})")
    print(f"baseline {BASELINE_YEAR}: online share {share:.4f} ({base_online}/{base_received}), "
          f"level 3+4 procedures at {BASELINE_YEAR}-12: {base_level34}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
