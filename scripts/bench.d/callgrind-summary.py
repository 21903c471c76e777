#!/usr/bin/env python3
"""Summarises a callgrind profile of `congkhai build` (used by scripts/bench.d/profile).

    callgrind-summary.py CALLGRIND_OUT [TOP]

Prints, from `callgrind_annotate` (Swift names demangled with `swift demangle` when present):
  1. the TOP functions by inclusive instruction count, without the entries callgrind keeps for
     recursion levels >= 2 (`'2`, `'3`: their inclusive counts double-count the outer call) and
     without thread and dispatch plumbing;
  2. "where the time goes": for each area, the largest inclusive count among the functions
     whose name matches it (the outermost such call). Areas nest (escaping happens inside
     Mustache rendering, for instance), so these do not add up to 100%;
  3. self (exclusive) instructions summed per shared object, which do add up to 100%.
"""
import re
import shutil
import subprocess
import sys

ROW = re.compile(r"^\s*([0-9,]+) \(\s*([0-9.]+)%\)\s+(.*?)(?: \[(.*)\])?\s*$")
PLUMBING = re.compile(r"dispatch|start_thread|pthread_create|libc_start|\(below main\)|CongkhaiCLI_main|"
                      r"^thunk for|^partial apply for thunk|ParsableCommand|BuildCommand\.run|PROGRAM TOTALS|"
                      r"concurrentPerform|clone3?$|^0x[0-9a-f]+$")   # bare addresses: ld.so's lazy-binding trampoline
AREAS = [
    ("main thread (SiteBuilder.build; pages rendered on workers are not under it)", r"SiteBuilder\.build\b"),
    ("load content (ContentLoader.load)", r"ContentLoader\.load"),
    ("  articles (ArticleLoader)", r"ArticleLoader\.load"),
    ("    front matter + YAML (MarkdownFile.split, Yams)",
     r"MarkdownFile\.split|YAMLDocument\.(load|parse)|FrontMatter|Parser\.singleRoot|^yaml_parser_parse$"),
    ("  metrics CSV (MetricsLoader, CSVTokenizer)", r"MetricsLoader\.load|CSVTokenizer"),
    ("compute figures (SiteFigures, DatasetFigures, targets, compliance)",
     r"SiteFigures\.init|DatasetFigures|TargetEvaluator|Compliance\.init"),
    ("plan pages (PagePlanner)", r"PagePlanner"),
    ("render + write pages (SiteBuilder.renderAndWrite)", r"SiteBuilder\.renderAndWrite"),
    ("  template data (PageRenderer.context, RenderEnvironment)",
     r"PageRenderer\.(context|templateAndContext)|^RenderEnvironment\."),
    ("    unit lookups (SiteContent.unit)", r"SiteContent\.unit\(|SiteContent\.unitIndex"),
    ("    open data JSON/CSV (OpenData)", r"^OpenData\."),
    ("  Mustache rendering", r"MustacheLibrary\.render|MustacheTemplate\.render"),
    ("    HTML escaping (escapeText, htmlEscape)", r"htmlEscape|escapeText"),
    ("  markdown to HTML (cmark_markdown_to_html)", r"cmark_markdown_to_html|^(?:static )?Markdown\.html"),
    ("  summaries from markdown (Markdown.firstParagraphText)", r"Markdown\.firstParagraph"),
    ("  all of libcmark's parsing (cmark_parse_document)", r"cmark_parse_document"),
    ("  file writes (OutputWriter; user space only, system calls are not counted)", r"OutputWriter\.write"),
    ("incremental-build cache (BuildCache.write)", r"BuildCache\.write"),
    ("Swift runtime: dynamic casts (swift_dynamicCast)", r"^swift_dynamicCast$"),
    ("Swift runtime: protocol conformance lookups", r"swift_conformsToProtocol"),
    ("Swift runtime: swift_release", r"^swift_release$"),
    ("Swift runtime: swift_retain", r"^swift_retain$"),
    ("malloc", r"^malloc$"),
]


def annotate(path, inclusive):
    args = ["callgrind_annotate", "--threshold=100"] + (["--inclusive=yes"] if inclusive else []) + [path]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if shutil.which("swift"):
        text = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input=text,
                              capture_output=True, text=True).stdout
    total = None
    rows = []
    for line in text.splitlines():
        m = ROW.match(line)
        if not m:
            continue
        count = int(m.group(1).replace(",", ""))
        name = m.group(3)
        if name.endswith("PROGRAM TOTALS"):
            total = count
            continue
        name = re.sub(r"^\?\?\?:|^[^:]*\.[ch]:", "", name)   # no file names: no debug info
        obj = (m.group(4) or "?").rsplit("/", 1)[-1]
        rows.append((count, name, obj))
    return total, rows


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    total, inc = annotate(path, inclusive=True)
    pct = lambda c: 100.0 * c / total
    print(f"total: {total:,} instructions (all threads)")
    print()
    print(f"top {top} functions by inclusive instructions (recursion duplicates and thread plumbing left out):")
    shown = 0
    seen = set()
    for count, name, obj in inc:
        if re.search(r"'\d+$", name) or PLUMBING.search(name):
            continue
        base = re.sub(r"^(partial apply for |specialized )+", "", name)
        if (base, count // 10**6) in seen or (base, count // 10**6 + 1) in seen:
            continue                                    # the same function under a thunk
        seen.add((base, count // 10**6))
        print(f"  {pct(count):6.2f}%  {count:>16,}  {name[:150]}  [{obj}]")
        shown += 1
        if shown == top:
            break
    print()
    print("where the time goes (largest inclusive count among matching functions; areas nest):")
    for label, pattern in AREAS:
        best = None
        for count, name, obj in inc:
            if re.search(r"'\d+$", name):
                continue
            if re.search(pattern, name):
                best = (count, name)
                break                                   # rows are sorted by count
        if best:
            print(f"  {pct(best[0]):6.2f}%  {label:76s} {best[1][:90]}")
        else:
            print(f"  {'-':>6s}   {label:76s} (no matching function)")
    print()
    _, exc = annotate(path, inclusive=False)
    by_obj = {}
    for count, name, obj in exc:
        by_obj[obj] = by_obj.get(obj, 0) + count
    print("self instructions per object (adds up to 100%):")
    for obj, count in sorted(by_obj.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {pct(count):6.2f}%  {obj}")


if __name__ == "__main__":
    main()
