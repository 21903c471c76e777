/* congkhai search: reads the static index under /tim-kiem/ (no server). Words are folded as the
   build folds them: marks removed (NFD), đ → d, lower case; every word of the query must match. */
(function () {
  "use strict";
  var list = document.getElementById("ket-qua");
  if (!list || !window.fetch) return;
  var shards = +list.getAttribute("data-shards"), chunk = +list.getAttribute("data-chunk");
  var input = document.getElementById("tu-khoa"), status = document.getElementById("trang-thai");
  var more = document.getElementById("xem-them"), base = "/tim-kiem/", page = 10, cache = {};
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase(); }
  function words(s) { return fold(s).split(/[^a-z0-9]+/).filter(function (w, i, all) { return w && all.indexOf(w) === i; }); }
  function shardOf(w) {
    var h = 0x811c9dc5;
    for (var i = 0; i < w.length; i++) { h = Math.imul(h ^ w.charCodeAt(i), 0x01000193) >>> 0; }
    return h & (shards - 1);
  }
  function get(path) {
    if (!cache[path]) cache[path] = fetch(base + path).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
    return cache[path];
  }
  function say(text) { status.textContent = text; }
  function show(ranked, from) {
    var shown = ranked.slice(from, from + page);
    var chunks = shown.map(function (r) { return Math.floor(r[0] / chunk); }).filter(function (c, i, all) { return all.indexOf(c) === i; });
    return Promise.all(chunks.map(function (c) { return get("tai-lieu/" + c + ".json"); })).then(function (loaded) {
      var docs = {};
      chunks.forEach(function (c, k) { docs[c] = loaded[k]; });
      shown.forEach(function (r) {
        var d = docs[Math.floor(r[0] / chunk)][r[0] % chunk];
        var li = document.createElement("li"), kind = document.createElement("span"), a = document.createElement("a");
        kind.className = "kind"; kind.textContent = d[2];
        a.href = d[0]; a.textContent = d[1];
        li.appendChild(kind); li.appendChild(a);
        if (d[3]) { var p = document.createElement("p"); p.textContent = d[3]; li.appendChild(p); }
        list.appendChild(li);
      });
      more.hidden = from + page >= ranked.length;
      more.onclick = function () { show(ranked, from + page); };
    });
  }
  function run(query) {
    var ws = words(query);
    list.textContent = ""; more.hidden = true;
    if (!ws.length) return;
    say("Đang tìm…");
    Promise.all(ws.map(function (w) { return get("chi-muc/" + shardOf(w) + ".json"); })).then(function (found) {
      var scores = null;
      ws.forEach(function (w, k) {
        var postings = found[k][w] || [], here = new Map(), doc = 0;
        for (var i = 0; i < postings.length; i += 2) { doc += postings[i]; here.set(doc, postings[i + 1]); }
        if (scores === null) { scores = here; return; }
        var both = new Map();
        scores.forEach(function (s, d) { if (here.has(d)) both.set(d, s + here.get(d)); });
        scores = both;
      });
      var ranked = Array.from(scores).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      say(ranked.length ? ranked.length.toLocaleString("vi-VN") + " kết quả cho “" + query + "”" : "Không tìm thấy kết quả cho “" + query + "”. Thử bớt từ, hoặc gõ tên đơn vị, lĩnh vực.");
      return show(ranked, 0);
    }).catch(function () { say("Không tải được chỉ mục tìm kiếm. Vui lòng thử lại."); });
  }
  var query = new URLSearchParams(location.search).get("q") || "";
  if (input) input.value = query;
  var quick = document.getElementById("tim-nhanh");
  if (quick) quick.value = query;
  if (query) run(query);
})();
