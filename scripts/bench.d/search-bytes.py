#!/usr/bin/env python3
"""search-bytes.py SITE QUERY...: what a search downloads. For each query, the files
assets/search.js fetches from the index written under SITE/tim-kiem/ (one postings shard a
word, the document chunks of the ten results it shows first), found by replaying its folding,
hashing and ranking, with their bytes raw and gzipped (level 6, as a web server sends JSON),
plus the search page and the script.

    scripts/bench.d/search-bytes.py Public "phuong 5" "ho tich" "dat dai"
"""
import gzip, json, os, re, sys, unicodedata
site = sys.argv[1]
page = open(os.path.join(site, "tim-kiem/index.html"), encoding="utf-8").read()
shards = int(re.search(r'data-shards="(\d+)"', page).group(1))
chunk = int(re.search(r'data-chunk="(\d+)"', page).group(1))
def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = re.sub("[\u0300-\u036f]", "", s).replace("đ", "d").replace("Đ", "d")
    return s.lower()
def words(s):
    out = []
    for w in re.split(r"[^a-z0-9]+", fold(s)):
        if w and w not in out: out.append(w)
    return out
def shard_of(w):
    h = 0x811c9dc5
    for ch in w: h = ((h ^ ord(ch)) * 0x01000193) & 0xffffffff
    return h & (shards - 1)
def size(path):
    data = open(os.path.join(site, path), "rb").read()
    return len(data), len(gzip.compress(data, 6))
base = [size("tim-kiem/index.html"), size("assets/search.js")]
print(f"page {base[0][0]} B ({base[0][1]} gzip), script {base[1][0]} B ({base[1][1]} gzip); {shards} shards, {chunk} documents a chunk")
for q in sys.argv[2:]:
    ws = words(q); files = []; scores = None
    for w in ws:
        f = f"tim-kiem/chi-muc/{shard_of(w)}.json"
        if f not in files: files.append(f)
        post = json.load(open(os.path.join(site, f))).get(w, [])
        here, doc = {}, 0
        for i in range(0, len(post), 2):
            doc += post[i]; here[doc] = post[i + 1]
        scores = here if scores is None else {d: s + here[d] for d, s in scores.items() if d in here}
    ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
    shown = ranked[:10]
    chunks = []
    for d, _ in shown:
        f = f"tim-kiem/tai-lieu/{d // chunk}.json"
        if f not in chunks: chunks.append(f)
    first = json.load(open(os.path.join(site, f"tim-kiem/tai-lieu/{shown[0][0] // chunk}.json")))[shown[0][0] % chunk] if shown else None
    idx = sum(size(f)[0] for f in files); idxz = sum(size(f)[1] for f in files)
    ch = sum(size(f)[0] for f in chunks); chz = sum(size(f)[1] for f in chunks)
    tot = idx + ch + base[0][0] + base[1][0]; totz = idxz + chz + base[0][1] + base[1][1]
    print(f"{q!r}: {len(ranked)} results, first {first[1] if first else None!r}; {len(files)} shard(s) {idx/1024:.0f} KB ({idxz/1024:.0f} KB gzip), {len(chunks)} chunk(s) {ch/1024:.0f} KB ({chz/1024:.0f} KB gzip); with page and script {tot/1024:.0f} KB ({totz/1024:.0f} KB gzip)")
