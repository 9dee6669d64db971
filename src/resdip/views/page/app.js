/* resdip network page. Builds the vis-network view from the embedded JSON.
   Every label and quote is rendered as text (textContent, plain-text tooltips): nothing
   from the data reaches innerHTML. The view's state lives in the address (see readHash):
   #lang=ja|en&focus=<entity id>&radius=<hops>&hubs=1&sel=<entity id>&edge=<edge id>
   &hideClasses=<class,…>&hideKinds=<kind,…>&from=<YYYY-MM-DD>&to=<YYYY-MM-DD>&undated=0 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("resdip-data").textContent);
  var FONT = '"Hiragino Sans", "Noto Sans CJK JP", "IPAPGothic", "IPAGothic", "IPAexGothic", "Yu Gothic", "Meiryo", sans-serif';
  var EDGE_LABEL_LIMIT = 1500; // more edges than this: labels only on the selected node's edges
  var BIG = DATA.nodes.length > 2000 || DATA.edges.length > 3000;
  var MAX_RELATIONS = 60;
  var MAX_QUOTES = 30;
  var LABEL_MAX = 18; // characters of a label drawn on the canvas; the tooltip and panel show it whole
  var RING_GAP = 190; // focus view: distance between the rings of hop 1, 2, ...

  var TEXT = {
    ja: {
      physics: "物理演算", fit: "全体表示", showAll: "全体を表示", legend: "凡例・絞り込み",
      classes: "種類", kinds: "関係", years: "年", undated: "年の不明なものも表示",
      search: "検索（日本語・English）", counts: "{n} ノード・{m} エッジを表示",
      cls: "種類", id: "ID", iri: "IRI", wikidata: "Wikidata", iso: "ISO 3166", yearsOf: "年",
      mentions: "言及数", reviewed: "確認済み", candidate: "候補（本文から抽出）", relations: "関係",
      quotes: "出典の文", noQuotes: "出典の文はありません", chars: "文字位置", page: "{n}ページ",
      focus: "{label} の周辺（半径 {r}）", unknown: "見つかりません: {id}", more: "ほか {n} 件",
      from: "主体", to: "対象", date: "日付", start: "開始", end: "終了", prov: "根拠の文の数", fact: "事実",
      kind: "関係の種類", noHits: "該当なし", machine: "機械によるローマ字表記",
      throughHubs: "ハブを経由して広げる", hubNote: "ハブ {hubs} の先は省略（{n} 件）",
      hubLinks: "{label}（{n} 件と関係）", timeline: "年表", allTime: "全期間",
      brushHint: "横にドラッグして期間を選択", save: "画像を保存", whole: "ネットワーク全体",
      period: "期間 {from}～{to}", hidden: "非表示：種類 {c}・関係 {k}"
    },
    en: {
      physics: "Physics", fit: "Fit", showAll: "Show whole network", legend: "Legend & filters",
      classes: "Classes", kinds: "Relations", years: "Years", undated: "Include undated",
      search: "Search (Japanese or English)", counts: "{n} nodes, {m} edges shown",
      cls: "Class", id: "ID", iri: "IRI", wikidata: "Wikidata", iso: "ISO 3166", yearsOf: "Years",
      mentions: "Mentions", reviewed: "Reviewed", candidate: "Candidate (found in text)", relations: "Relations",
      quotes: "Source sentences", noQuotes: "No source sentences", chars: "characters", page: "page {n}",
      focus: "Neighbourhood of {label} (radius {r})", unknown: "Not found: {id}", more: "{n} more",
      from: "From", to: "To", date: "Date", start: "Start", end: "End", prov: "Supporting sentences", fact: "Fact",
      kind: "Relation", noHits: "No match", machine: "machine romanisation",
      throughHubs: "Go on through hubs", hubNote: "Not followed past hubs {hubs}: {n} more entities left out",
      hubLinks: "{label} ({n} links)", timeline: "Timeline", allTime: "All dates",
      brushHint: "drag across to choose a period", save: "Save PNG", whole: "Whole network",
      period: "period {from} to {to}", hidden: "hidden: {c} classes, {k} relations"
    }
  };

  var state = {
    lang: DATA.lang === "en" ? "en" : "ja",
    hiddenClasses: new Set(), hiddenKinds: new Set(),
    from: null, to: null, undated: true, // the period shown, in days since 1970 (null: unbounded)
    focus: null, missing: null, radius: 2, hubs: false, highlighted: null, panel: null, leftOut: null
  };
  var HUBS = new Set((DATA.hubs && DATA.hubs.ids) || []);

  // ---- indexes ---------------------------------------------------------------------------
  var nodeById = new Map(), edgeById = new Map(), adjacent = new Map();
  var classById = new Map(), kindById = new Map();
  DATA.classes.forEach(function (c) { classById.set(c.id, c); });
  DATA.kinds.forEach(function (k) { kindById.set(k.id, k); });
  DATA.nodes.forEach(function (n) { nodeById.set(n.id, n); adjacent.set(n.id, []); });
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    adjacent.get(e.from).push(e);
    if (e.to !== e.from) adjacent.get(e.to).push(e);
  });

  function t(key, vars) {
    var s = TEXT[state.lang][key];
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
    return s;
  }
  // A machine romanisation ("Tanko Junbikin Kaigai ...") is not an English name: English mode shows
  // such a node's Japanese label and gives the romanisation as its other label.
  function nodeLabel(n) {
    return (state.lang === "en" && !n.machine ? n.en || n.ja : n.ja || n.en) || n.id;
  }
  function otherLabel(n) {
    var shown = nodeLabel(n), o = shown === n.ja ? n.en : n.ja;
    return o && o !== shown ? o : "";
  }
  function otherLabelNote(n) {
    var o = otherLabel(n);
    return o && o === n.en && n.machine ? o + " (" + t("machine") + ")" : o;
  }
  function shortLabel(s) { // at most LABEL_MAX characters, cut at a word end where there is one
    if (s.length <= LABEL_MAX) return s;
    var chars = Array.from(s); // by code point, so a surrogate pair is never cut
    if (chars.length <= LABEL_MAX) return s;
    var cut = chars.slice(0, LABEL_MAX - 1).join(""), space = cut.lastIndexOf(" ");
    if (space >= LABEL_MAX - 5) cut = cut.slice(0, space);
    return cut.replace(/[\s,.;:、・（(\-–]+$/, "") + "…";
  }
  function classLabel(id) { var c = classById.get(id); return c ? c[state.lang] : id; }
  function kindLabel(e) { var k = kindById.get(e.kind); return k ? k[state.lang] : e.kind; }
  function edgeLabel(e) { return e[state.lang] || kindLabel(e); } // the edge's own label, e.g. an event's

  // ---- DOM helpers (text only) ------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function safeLink(href, text) {
    var a = el("a", "", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  var SVG = "http://www.w3.org/2000/svg";
  var SHAPES = {
    dot: "circle", square: "M2 2H12V12H2Z", diamond: "M7 1L13 7L7 13L1 7Z", triangle: "M7 1L13 12H1Z",
    triangleDown: "M1 2H13L7 13Z", hexagon: "M4 1.5H10L13 7L10 12.5H4L1 7Z",
    star: "M7 1L8.6 5.3H13L9.5 8L10.8 12.5L7 9.8L3.2 12.5L4.5 8L1 5.3H5.4Z"
  };
  function swatch(cls) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    var shape = SHAPES[cls.shape] || "circle";
    var mark = document.createElementNS(SVG, shape === "circle" ? "circle" : "path");
    if (shape === "circle") { mark.setAttribute("cx", "7"); mark.setAttribute("cy", "7"); mark.setAttribute("r", "6"); }
    else mark.setAttribute("d", shape);
    mark.setAttribute("fill", cls.color);
    svg.appendChild(mark);
    return svg;
  }

  // ---- vis items ------------------------------------------------------------------------------
  var labelAllEdges = DATA.edges.length <= EDGE_LABEL_LIMIT;
  var labelledEdges = new Set();

  function nodeTitle(n) {
    var lines = [nodeLabel(n)];
    if (otherLabel(n)) lines.push(otherLabelNote(n));
    lines.push(classLabel(n.cls) + (n.years.length ? " · " + n.years.join(", ") : ""));
    return lines.join("\n");
  }
  function visNode(n) {
    var p = placed.get(n.id) || n;
    return { id: n.id, group: n.cls, label: shortLabel(nodeLabel(n)), x: p.x, y: p.y, size: n.size, title: nodeTitle(n) };
  }
  function edgeTitle(e) {
    var from = nodeById.get(e.from), to = nodeById.get(e.to);
    return nodeLabel(from) + " → " + kindLabel(e) + " → " + nodeLabel(to) +
      (e[state.lang] ? "\n" + e[state.lang] : "") + (e.date ? "\n" + e.date : e.year ? "\n" + e.year : "");
  }
  function visEdge(e) {
    var item = { id: e.id, from: e.from, to: e.to, title: edgeTitle(e) };
    if (labelAllEdges) item.label = kindLabel(e);
    if (e.par) item.smooth = { enabled: true, type: e.par % 2 ? "curvedCW" : "curvedCCW", roundness: 0.2 * Math.ceil(e.par / 2) };
    return item;
  }

  // ---- filters ----------------------------------------------------------------------------------
  var visibleNodes = new Set(), visibleEdges = new Set();
  // ---- time ----------------------------------------------------------------------------------
  // Dates are whole days since 1970-01-01 (UTC). "2024", "2024-08" and "2024-08-15" are read as the
  // first day of that year, month or day, or with `end` as the last.
  function dayOf(text, end) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(text || ""));
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : end ? 11 : 0;
    var d = m[3] ? +m[3] : end ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1;
    return Math.round(Date.UTC(y, mo, d) / 864e5);
  }
  function isoDay(day) { return new Date(day * 864e5).toISOString().slice(0, 10); }
  function yearOfDay(day) { return new Date(day * 864e5).getUTCFullYear(); }
  // An edge's time span [first day, last day], or null when it is undated.
  var spanById = new Map();
  DATA.edges.forEach(function (e) {
    var t0 = dayOf(e.start) || dayOf(e.date) || (e.year ? dayOf(String(e.year)) : null);
    if (t0 === null) return;
    var t1 = dayOf(e.end, true) || dayOf(e.date, true) || (e.year ? dayOf(String(e.year), true) : t0);
    spanById.set(e.id, [t0, Math.max(t0, t1)]);
  });
  function inYears(y) {
    return (state.from === null || y >= yearOfDay(state.from)) && (state.to === null || y <= yearOfDay(state.to));
  }
  function inPeriod(span) {
    return (state.from === null || span[1] >= state.from) && (state.to === null || span[0] <= state.to);
  }
  function nodePasses(n) {
    if (state.hiddenClasses.has(n.cls)) return false;
    return n.years.length ? n.years.some(inYears) : state.undated;
  }
  function edgePasses(e) {
    if (state.hiddenKinds.has(e.kind)) return false;
    var span = spanById.get(e.id);
    return span ? inPeriod(span) : state.undated;
  }
  // The nodes within `radius` hops of `id`. Past the first hop the walk does not go on through a
  // hub (DATA.hubs: degree above the data's far-out fence) unless throughHubs; `skipped` gets the
  // hubs it stopped at.
  function neighbourhood(id, radius, throughHubs, skipped) {
    var seen = new Set([id]), frontier = [id];
    for (var d = 0; d < radius && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (u) {
        if (d > 0 && !throughHubs && HUBS.has(u)) { if (skipped) skipped.add(u); return; }
        adjacent.get(u).forEach(function (e) {
          var v = e.from === u ? e.to : e.from;
          if (!seen.has(v)) { seen.add(v); next.push(v); }
        });
      });
      frontier = next;
    }
    return seen;
  }
  function computeVisible() {
    var around = null, skipped = new Set();
    state.leftOut = null;
    if (state.focus) {
      around = neighbourhood(state.focus, state.radius, state.hubs, skipped);
      if (skipped.size) {
        var all = neighbourhood(state.focus, state.radius, true);
        state.leftOut = { hubs: Array.from(skipped).sort(), n: all.size - around.size };
      }
    }
    visibleNodes.clear();
    visibleEdges.clear();
    DATA.nodes.forEach(function (n) {
      if (around && !around.has(n.id)) return;
      if (n.id === state.focus || nodePasses(n)) visibleNodes.add(n.id);
    });
    DATA.edges.forEach(function (e) {
      if (edgePasses(e) && visibleNodes.has(e.from) && visibleNodes.has(e.to)) visibleEdges.add(e.id);
    });
  }

  // ---- focus layout ------------------------------------------------------------------------------
  // In focus mode the shown nodes are laid out around the focused one: hop 1 on a ring, hop 2 on the
  // next ring near its hop-1 parent's angle, and so on. Each ring is ordered by class (legend order),
  // then label, then id, so the picture depends on the data only.
  var classRank = new Map();
  DATA.classes.forEach(function (c, i) { classRank.set(c.id, i); });
  var placed = new Map(); // id -> {x, y} given by the focus layout (else the node sits at n.x, n.y)

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function ringOrder(a, b) {
    var na = nodeById.get(a), nb = nodeById.get(b);
    return (classRank.get(na.cls) || 0) - (classRank.get(nb.cls) || 0) ||
      cmp(na.ja || na.en, nb.ja || nb.en) || cmp(a, b);
  }

  function focusLayout(centreId) {
    var centre = nodeById.get(centreId), result = new Map([[centreId, { x: centre.x, y: centre.y, ring: 0 }]]);
    var angle = new Map([[centreId, 0]]), index = new Map([[centreId, 0]]);
    var ring = [centreId], radius = 0, previousSize = centre.size, ringNo = 0;
    while (ring.length) {
      var parent = new Map(), members = [];
      ring.forEach(function (u) { // the first parent in ring order claims a node
        adjacent.get(u).forEach(function (e) {
          var v = e.from === u ? e.to : e.from;
          if (visibleNodes.has(v) && !result.has(v) && !parent.has(v)) { parent.set(v, u); members.push(v); }
        });
      });
      if (!members.length) { // shown nodes no shown edge reaches (their link is filtered out)
        visibleNodes.forEach(function (v) { if (!result.has(v)) members.push(v); });
      }
      if (!members.length) break;
      members.sort(function (a, b) {
        var pa = parent.get(a), pb = parent.get(b);
        return (pa === undefined || pb === undefined ? 0 : index.get(pa) - index.get(pb)) || ringOrder(a, b);
      });
      var biggest = 0, first = result.size === 1;
      members.forEach(function (v) { biggest = Math.max(biggest, nodeById.get(v).size); });
      var spacing = 2 * biggest + 70; // node to node along the ring, room for a short label
      var inner = Math.max(radius + RING_GAP, previousSize + biggest + 150);
      var needed = members.length * spacing / (2 * Math.PI) / (first ? 1 : 0.8);
      // A crowded ring alternates between two radii, so neighbours' labels do not meet.
      var staggered = needed > inner * 1.2, step = staggered ? RING_GAP / 2 : 0;
      radius = Math.max(inner, staggered ? needed / 2 : needed);
      var angles = ringAngles(members, parent, angle, (staggered ? spacing / 2 : spacing) / radius, first);
      members.forEach(function (v, i) {
        var r = radius + (i % 2) * step;
        angle.set(v, angles[i]);
        index.set(v, i);
        result.set(v, { x: Math.round(centre.x + r * Math.cos(angles[i])), y: Math.round(centre.y + r * Math.sin(angles[i])), ring: ringNo + 1 });
      });
      radius += step;
      previousSize = biggest;
      ring = members;
      ringNo++;
    }
    return result;
  }

  // Angles for one ring: evenly spaced when nothing says where (hop 1), else each node as near its
  // parent's angle as a gap of `gap` radians to its neighbours allows.
  function ringAngles(members, parent, angle, gap, first) {
    var n = members.length, even = members.map(function (_, i) { return -Math.PI / 2 + 2 * Math.PI * i / n; });
    if (first || !parent.has(members[0])) return even;
    var ideal = [], i = 0;
    while (i < n) { // children of one parent share its angle, spread around it
      var j = i;
      while (j < n && parent.get(members[j]) === parent.get(members[i])) j++;
      for (var k = i; k < j; k++) ideal.push(angle.get(parent.get(members[i])) + (k - i - (j - i - 1) / 2) * gap);
      i = j;
    }
    var out = ideal.slice(), shift = 0;
    for (i = 1; i < n; i++) out[i] = Math.max(out[i], out[i - 1] + gap);
    for (i = 0; i < n; i++) shift += (out[i] - ideal[i]) / n;
    out = out.map(function (a) { return a - shift; });
    if (out[n - 1] - out[0] > 2 * Math.PI - gap) { // no room to keep to the parents: spread evenly
      var base = 0;
      for (i = 0; i < n; i++) base += (ideal[i] - 2 * Math.PI * i / n) / n;
      return members.map(function (_, i) { return base + 2 * Math.PI * i / n; });
    }
    return out;
  }

  // Recompute the focus layout; return the vis updates that move nodes there (or back).
  function placeNodes() {
    var before = placed, updates = [];
    placed = state.focus ? focusLayout(state.focus) : new Map();
    placed.forEach(function (p, id) {
      var o = before.get(id);
      if (!o || o.x !== p.x || o.y !== p.y) updates.push({ id: id, x: p.x, y: p.y });
    });
    before.forEach(function (_, id) {
      if (!placed.has(id)) { var n = nodeById.get(id); updates.push({ id: id, x: n.x, y: n.y }); }
    });
    return updates;
  }

  readHash();
  computeVisible();
  placeNodes();

  // ---- timeline --------------------------------------------------------------------------------
  // Made before the network, so the network's canvas has its final height when it is fitted.
  var timeline = makeTimeline();
  function makeTimeline() {
    var items = [], kinds = new Set();
    spanById.forEach(function (span, id) {
      var e = edgeById.get(id);
      items.push({ id: id, kind: e.kind, t0: span[0], t1: span[1] });
      kinds.add(e.kind);
    });
    if (!items.length) return null;
    $("timeline").hidden = false;
    var made = ResdipTimeline.create($("timeline"), $("tl-canvas"), {
      items: items,
      rows: DATA.kinds.map(function (k) { return k.id; }).filter(function (k) { return kinds.has(k); }),
      rowLabel: function (k) { return kindById.get(k)[state.lang]; },
      title: function (id) { return edgeTitle(edgeById.get(id)); },
      shown: function (id) { return visibleEdges.has(id); },
      onBrush: function (from, to) { setPeriod(from, to); },
      onPick: function (id) { pickEdge(id); saveHash(); },
      font: FONT,
      maxHeight: function () { return Math.round(window.innerHeight * 0.25); }
    });
    made.setPeriod(state.from, state.to);
    $("tl-clear").addEventListener("click", function () { setPeriod(null, null); });
    return made;
  }
  function pickEdge(id) {
    if (visibleEdges.has(id)) network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    showEdge(id);
  }

  var nodeSet = new vis.DataSet(DATA.nodes.map(visNode));
  var edgeSet = new vis.DataSet(DATA.edges.map(visEdge));
  var nodeView = new vis.DataView(nodeSet, { filter: function (item) { return visibleNodes.has(item.id); } });
  var edgeView = new vis.DataView(edgeSet, { filter: function (item) { return visibleEdges.has(item.id); } });

  var groups = {};
  DATA.classes.forEach(function (c) { groups[c.id] = { shape: c.shape, color: c.color }; });
  var network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, {
    autoResize: true, width: "100%", height: "100%",
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: { enabled: false, solver: "barnesHut", stabilization: { enabled: false } },
    interaction: {
      hover: !BIG, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, tooltipDelay: 250, keyboard: false
    },
    nodes: {
      // labels.js draws the labels where they have room: vis-network draws none (drawThreshold)
      shape: "dot", borderWidth: 1, scaling: { label: { enabled: false, drawThreshold: 1e9 } },
      font: { face: FONT, size: 16, color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, width: 1, selectionWidth: 2,
      scaling: { label: { enabled: false, drawThreshold: 1e9 } },
      color: { color: "#a3acb5", highlight: "#0969da", hover: "#57606a", inherit: false },
      font: { face: FONT, size: 11, color: "#57606a", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" }
    },
    groups: groups
  });
  network.once("afterDrawing", function () {
    if (window.__firstDraw === undefined) window.__firstDraw = performance.now();
  });
  // ---- labels ----------------------------------------------------------------------------------
  // Which labels to try first: the focus, the selection, then ring by ring (focus view), the best
  // linked (largest) first. labels.js keeps a label only where it has room.
  var labelOrder = [];
  function orderLabels() {
    var sel = selectedNode();
    labelOrder = Array.from(visibleNodes);
    labelOrder.sort(function (a, b) {
      var na = nodeById.get(a), nb = nodeById.get(b), pa = placed.get(a), pb = placed.get(b);
      return (b === state.focus) - (a === state.focus) || (b === sel) - (a === sel) ||
        (pa && pb ? pa.ring - pb.ring : 0) || nb.size - na.size || cmp(a, b);
    });
  }
  function selectedNode() { return state.panel && state.panel.kind === "node" ? state.panel.id : null; }
  var labeller = ResdipLabels.create(network, {
    font: FONT,
    order: function () { return labelOrder; },
    nodeText: function (id) { return shortLabel(nodeLabel(nodeById.get(id))); },
    bold: function (id) { return id === state.focus || id === selectedNode(); },
    important: function (id) { return HUBS.has(id) || id === state.focus || id === selectedNode(); },
    obstacles: function () { // the legend and the side panel cover the canvas
      var origin = $("network").getBoundingClientRect(), out = [];
      ["filters", "panel"].forEach(function (id) {
        var node = $(id);
        if (node.hidden) return;
        var r = node.getBoundingClientRect();
        if (r.width && r.height) out.push({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
      });
      return out;
    },
    edges: function (close) {
      var out = [], seen = new Set(), sel = selectedNode() || state.focus;
      if (sel) adjacent.get(sel).forEach(function (e) { if (visibleEdges.has(e.id)) { out.push(e.id); seen.add(e.id); } });
      if (close && labelAllEdges) visibleEdges.forEach(function (id) { if (!seen.has(id)) out.push(id); });
      return out;
    },
    edgeText: function (id) { return kindLabel(edgeById.get(id)); }
  });
  // Labels change with the view: ask for a redraw on the next frame (network.redraw() would draw
  // at once, every time, which costs a whole frame at 10,000 nodes).
  function relabel() { orderLabels(); labeller.changed(); network.body.emitter.emit("_requestRedraw"); }
  network.on("dragging", function () { labeller.changed(); });
  network.on("afterDrawing", function () { if (physicsOn) labeller.changed(); });
  var physicsOn = false;
  orderLabels();

  window.__resdip = {
    network: network, nodes: nodeSet, edges: edgeSet, nodeView: nodeView, edgeView: edgeView, data: DATA,
    labels: function () { return labeller.boxes(); }, timeline: timeline, caption: caption
  };

  // ---- applying state ------------------------------------------------------------------------
  function applyFilters() {
    computeVisible();
    var moves = placeNodes();
    if (moves.length) nodeSet.update(moves);
    nodeView.refresh();
    edgeView.refresh();
    relabel();
    if (timeline) timeline.redraw();
    $("counts").textContent = t("counts", { n: nodeView.length, m: edgeView.length });
  }

  function setHighlight(id) {
    if (state.highlighted && nodeById.has(state.highlighted)) {
      nodeSet.update({ id: state.highlighted, borderWidth: 1, font: { size: 16 } });
    }
    state.highlighted = id;
    if (id) nodeSet.update({ id: id, borderWidth: 5, font: { size: 20 } });
  }

  function applyFocus() {
    var banner = $("focus-banner");
    setHighlight(state.focus);
    applyFilters();
    if (state.focus) {
      banner.hidden = false;
      focusText();
      fitVisible(1.5);
      network.selectNodes([state.focus]);
      labelEdgesOf(state.focus);
    } else if (state.missing) {
      banner.hidden = false;
      $("focus-text").textContent = t("unknown", { id: state.missing });
      fitAll();
    } else {
      banner.hidden = true;
      fitAll();
    }
  }

  // The banner: whose neighbourhood, and what the walk left out by not going on through hubs.
  function focusText() {
    $("focus-text").textContent = t("focus", { label: nodeLabel(nodeById.get(state.focus)), r: state.radius });
    var note = $("focus-note"), left = state.leftOut;
    note.textContent = left && left.n ? t("hubNote", {
      hubs: left.hubs.map(function (id) {
        return t("hubLinks", { label: nodeLabel(nodeById.get(id)), n: hubDegree(id) });
      }).join(state.lang === "ja" ? "、" : ", "),
      n: left.n
    }) : "";
    note.hidden = !note.textContent;
    $("hubs").checked = state.hubs;
    $("hubs-switch").hidden = !(left && left.n) && !state.hubs;
  }
  function hubDegree(id) {
    var others = new Set();
    adjacent.get(id).forEach(function (e) { others.add(e.from === id ? e.to : e.from); });
    others.delete(id);
    return others.size;
  }

  function legendWidth() {
    var filters = $("filters"), width = $("network").clientWidth;
    var w = filters.open ? filters.offsetWidth + 16 : 0;
    return w < width / 2 ? w : 0;
  }

  function fitAll() { fitVisible(Infinity); }

  // Fit the shown nodes into the part of the canvas the legend leaves free, zoomed in at most maxScale.
  // The side panel, open or about to open (a selection read from the address), covers the right.
  function panelWidth() {
    var width = $("network").clientWidth, w = state.panel ? Math.min(380, 0.92 * width) : 0;
    return w < width / 2 ? w : 0;
  }

  function fitVisible(maxScale) {
    network.fit({ animation: false });
    var w = legendWidth(), right = panelWidth(), width = $("network").clientWidth;
    var scale = Math.min(maxScale, network.getScale() * (width - w - right) / width), centre = network.getViewPosition();
    if (!w && !right && scale === network.getScale()) return;
    network.moveTo({ position: { x: centre.x - (w - right) / 2 / scale, y: centre.y }, scale: scale, animation: false });
  }

  function labelEdgesOf(id) {
    if (labelAllEdges) return;
    var updates = [];
    labelledEdges.forEach(function (eid) { updates.push({ id: eid, label: "" }); });
    labelledEdges.clear();
    if (id) {
      adjacent.get(id).forEach(function (e) {
        labelledEdges.add(e.id);
        updates.push({ id: e.id, label: kindLabel(e) });
      });
    }
    edgeSet.update(updates);
  }

  function setLang(lang, labelsCurrent) {
    state.lang = lang;
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.getAttribute("data-i18n")); });
    document.querySelectorAll("#lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    $("search").placeholder = t("search");
    $("search").setAttribute("aria-label", t("search"));
    if (!labelsCurrent) {
      nodeSet.update(DATA.nodes.map(function (n) { return { id: n.id, label: shortLabel(nodeLabel(n)), title: nodeTitle(n) }; }));
      edgeSet.update(DATA.edges.map(function (e) {
        var item = { id: e.id, title: edgeTitle(e) };
        if (labelAllEdges || labelledEdges.has(e.id)) item.label = kindLabel(e);
        return item;
      }));
    }
    syncControls();
    relabel();
    if (timeline) timeline.redraw();
    $("counts").textContent = t("counts", { n: nodeView.length, m: edgeView.length });
    if (state.focus) focusText();
    if (state.panel) state.panel.kind === "node" ? showNode(state.panel.id) : showEdge(state.panel.id);
  }

  // ---- the address --------------------------------------------------------------------------
  // Everything a reader arranges is kept in the address, so a copied address (or an iframe src)
  // opens the same view. Ids the data does not know are ignored.
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var lang = params.get("lang");
    if (lang === "ja" || lang === "en") state.lang = lang;
    var radius = parseInt(params.get("radius") || "", 10);
    state.radius = isFinite(radius) ? Math.max(0, Math.min(radius, 10)) : 2;
    var focus = (params.get("focus") || "").replace(/^https:\/\/w3id\.org\/resdip\/id\//, "");
    state.focus = focus && nodeById.has(focus) ? focus : null;
    state.missing = focus && !state.focus ? focus : null;
    state.hubs = params.get("hubs") === "1";
    state.hiddenClasses = new Set(listParam(params, "hideClasses").filter(function (c) { return classById.has(c); }));
    state.hiddenKinds = new Set(listParam(params, "hideKinds").filter(function (k) { return kindById.has(k); }));
    state.from = dayOf(params.get("from"));
    state.to = dayOf(params.get("to"), true);
    state.undated = params.get("undated") !== "0";
    var sel = params.get("sel"), edge = params.get("edge");
    state.panel = sel && nodeById.has(sel) ? { kind: "node", id: sel }
      : edge && edgeById.has(edge) ? { kind: "edge", id: edge } : null;
  }
  function listParam(params, key) { return (params.get(key) || "").split(",").filter(Boolean); }
  function stateHash() {
    var parts = [["lang", state.lang]];
    if (state.focus || state.missing) parts.push(["focus", state.focus || state.missing]);
    if (state.focus) parts.push(["radius", state.radius]);
    if (state.focus && state.hubs) parts.push(["hubs", "1"]);
    if (state.panel) parts.push([state.panel.kind === "node" ? "sel" : "edge", state.panel.id]);
    if (state.hiddenClasses.size) parts.push(["hideClasses", Array.from(state.hiddenClasses).sort().join(",")]);
    if (state.hiddenKinds.size) parts.push(["hideKinds", Array.from(state.hiddenKinds).sort().join(",")]);
    if (state.from !== null) parts.push(["from", isoDay(state.from)]);
    if (state.to !== null) parts.push(["to", isoDay(state.to)]);
    if (!state.undated) parts.push(["undated", "0"]);
    return "#" + parts.map(function (p) {
      return p[0] + "=" + encodeURIComponent(String(p[1])).replace(/%2C/g, ",");
    }).join("&");
  }
  var writtenHash = null;
  function saveHash() {
    var hash = stateHash();
    if (hash === location.hash) return;
    writtenHash = hash;
    try {
      history.replaceState(null, "", hash);
    } catch (err) { // a sandboxed iframe (opaque origin) may not rewrite its own history entry
      location.replace(hash);
    }
  }
  // Select and open what state.panel names (after the address changed), if it is shown.
  function applySelection() {
    var p = state.panel;
    if (p && p.kind === "node" && visibleNodes.has(p.id)) {
      network.selectNodes([p.id]);
      labelEdgesOf(p.id);
      showNode(p.id);
    } else if (p && p.kind === "edge" && visibleEdges.has(p.id)) {
      network.setSelection({ nodes: [], edges: [p.id] }, { unselectAll: true, highlightEdges: false });
      showEdge(p.id);
    } else if (p) {
      closePanel();
    }
  }

  // ---- legend and filters ----------------------------------------------------------------------
  function checkItem(text, count, checked, onChange, mark) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    if (mark) label.appendChild(mark);
    label.appendChild(el("span", "", text));
    label.appendChild(el("span", "n", count));
    li.appendChild(label);
    return li;
  }
  function toggle(set, key, shown) { if (shown) set.delete(key); else set.add(key); applyFilters(); saveHash(); }
  function buildFilterLists() {
    var classes = $("class-list"), kinds = $("kind-list");
    clear(classes);
    clear(kinds);
    DATA.classes.forEach(function (c) {
      classes.appendChild(checkItem(c[state.lang], c.count, !state.hiddenClasses.has(c.id), function (on) {
        toggle(state.hiddenClasses, c.id, on);
      }, swatch(c)));
    });
    DATA.kinds.forEach(function (k) {
      kinds.appendChild(checkItem(k[state.lang], k.count, !state.hiddenKinds.has(k.id), function (on) {
        toggle(state.hiddenKinds, k.id, on);
      }));
    });
  }
  function setupYears() {
    var lo = $("year-min"), hi = $("year-max");
    if (!DATA.years[0]) { lo.parentNode.parentNode.hidden = true; return; }
    [lo, hi].forEach(function (input) { input.min = DATA.years[0]; input.max = DATA.years[1]; });
    function read() {
      var a = parseInt(lo.value, 10), b = parseInt(hi.value, 10);
      setPeriod(isFinite(a) && a > DATA.years[0] ? dayOf(String(a)) : null,
                isFinite(b) && b < DATA.years[1] ? dayOf(String(b), true) : null);
    }
    lo.addEventListener("change", read);
    hi.addEventListener("change", read);
    $("undated").addEventListener("change", function () { state.undated = $("undated").checked; applyFilters(); saveHash(); });
  }
  // The legend's controls show the state (after a change of address or a brush on the timeline).
  function syncControls() {
    if (DATA.years[0]) {
      $("year-min").value = state.from === null ? DATA.years[0] : yearOfDay(state.from);
      $("year-max").value = state.to === null ? DATA.years[1] : yearOfDay(state.to);
    }
    $("undated").checked = state.undated;
    buildFilterLists();
    var has = state.from !== null || state.to !== null;
    $("tl-period").textContent = has ? (state.from === null ? "…" : isoDay(state.from)) + " – " +
      (state.to === null ? "…" : isoDay(state.to)) : t("brushHint");
    $("tl-clear").hidden = !has;
  }
  function setPeriod(from, to) {
    state.from = from;
    state.to = to;
    syncControls();
    applyFilters();
    if (timeline) timeline.setPeriod(from, to);
    saveHash();
  }

  // ---- save what you see --------------------------------------------------------------------------
  // The network's canvas as a PNG, with a caption: what the view shows, the sources' attribution
  // and the address that opens the same view. (vis-network draws only to a canvas: no SVG.)
  function caption() {
    var what = [DATA.title, state.focus ? $("focus-text").textContent + ($("focus-note").textContent ? " (" + $("focus-note").textContent + ")" : "") : t("whole")];
    if (state.from !== null || state.to !== null) {
      what.push(t("period", { from: state.from === null ? "…" : isoDay(state.from), to: state.to === null ? "…" : isoDay(state.to) }));
    }
    if (state.hiddenClasses.size || state.hiddenKinds.size) what.push(t("hidden", { c: state.hiddenClasses.size, k: state.hiddenKinds.size }));
    what.push(t("counts", { n: nodeView.length, m: edgeView.length }));
    return [what.join(" · "), [DATA.attribution, "resdip " + stateHash()].filter(Boolean).join(" · ")];
  }
  function savePicture() {
    var source = network.canvas.frame.canvas, ratio = source.width / (source.clientWidth || 1);
    var lines = caption(), pad = 8, step = 18, height = source.clientHeight, band = 2 * pad + step * lines.length;
    var out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height + Math.round(band * ratio);
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#f6f8fa";
    ctx.fillRect(0, height, source.clientWidth, band);
    ctx.font = "13px " + FONT;
    ctx.textBaseline = "top";
    lines.forEach(function (line, i) {
      ctx.fillStyle = i ? "#57606a" : "#1f2328";
      ctx.fillText(line, pad, height + pad + i * step, source.clientWidth - 2 * pad);
    });
    out.toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "resdip-" + (state.focus || "network") + ".png";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    }, "image/png");
  }

  // ---- side panel ------------------------------------------------------------------------------
  function row(dl, key, value) {
    dl.appendChild(el("dt", "", t(key)));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }
  function goButton(id) {
    var b = el("button", "link", nodeLabel(nodeById.get(id)));
    b.type = "button";
    b.addEventListener("click", function () { goTo(id); saveHash(); });
    return b;
  }
  function openPanel(kind, id) {
    state.panel = { kind: kind, id: id };
    var body = $("panel-body");
    clear(body);
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
    relabel();
    return body;
  }
  function showNode(id) {
    var n = nodeById.get(id), body = openPanel("node", id), cls = classById.get(n.cls);
    body.appendChild(el("h2", "", nodeLabel(n)));
    if (otherLabel(n)) body.appendChild(el("p", "sub", otherLabelNote(n)));
    var badge = el("span", "badge", classLabel(n.cls));
    badge.style.background = cls ? cls.color : "#57606a";
    body.appendChild(badge);
    body.appendChild(el("span", n.reviewed ? "badge rev" : "badge cand", n.reviewed ? t("reviewed") : t("candidate")));
    if (n.reviewed) body.lastChild.style.background = "#1a7f37";
    var dl = el("dl");
    row(dl, "id", n.id);
    if (n.iri) row(dl, "iri", n.iri);
    if (/^Q[1-9][0-9]*$/.test(n.wikidata)) row(dl, "wikidata", safeLink("https://www.wikidata.org/wiki/" + n.wikidata, n.wikidata));
    if (/^[A-Z]{2}$/.test(n.iso)) row(dl, "iso", safeLink("https://www.iso.org/obp/ui/#iso:code:3166:" + n.iso, n.iso));
    if (n.years.length) row(dl, "yearsOf", n.years.join(", "));
    row(dl, "mentions", n.mentions);
    body.appendChild(dl);
    relations(body, n);
    quotes(body, n);
  }
  function relations(body, n) {
    var edges = adjacent.get(n.id);
    if (!edges.length) return;
    body.appendChild(el("h3", "", t("relations") + " (" + edges.length + ")"));
    var ul = el("ul", "rel");
    edges.slice(0, MAX_RELATIONS).forEach(function (e) {
      var li = el("li"), out = e.from === n.id;
      li.appendChild(el("span", "", (out ? "→ " : "← ") + edgeLabel(e) + " "));
      li.appendChild(goButton(out ? e.to : e.from));
      if (e.date || e.year) li.appendChild(el("span", "sub", " (" + (e.date || e.year) + ")"));
      ul.appendChild(li);
    });
    if (edges.length > MAX_RELATIONS) ul.appendChild(el("li", "sub", t("more", { n: edges.length - MAX_RELATIONS })));
    body.appendChild(ul);
  }
  function quotes(body, n) { // n: a node, or an edge (the sentences its fact was read from)
    var list = n.quotes || [], total = n.quotesTotal || list.length; // the build keeps the first 100
    body.appendChild(el("h3", "", t("quotes") + " (" + total + ")"));
    if (!list.length) { body.appendChild(el("p", "sub", t("noQuotes"))); return; }
    list.slice(0, MAX_QUOTES).forEach(function (i) {
      var q = DATA.sentences[i];
      var block = el("blockquote", "quote");
      block.appendChild(el("p", "", "「" + q.text + "」"));
      var where = [q.doc, q.section].filter(Boolean).join(" — ");
      if (q.end > q.begin) where += " (" + t("chars") + " " + q.begin + "–" + q.end + ")";
      var cite = el("cite", "", where);
      // where in the PDF or the web page it was read from, with a link that opens it there
      var place = q.page ? t("page", { n: q.page }) : (q.url || "");
      if (place) {
        cite.appendChild(document.createTextNode(" · "));
        var href = q.link || "";
        cite.appendChild(/^(https?:|[^:]*$)/.test(href) && href ? safeLink(href, place) : el("span", "", place));
      }
      block.appendChild(cite);
      body.appendChild(block);
    });
    if (total > MAX_QUOTES) body.appendChild(el("p", "sub", t("more", { n: total - MAX_QUOTES })));
  }
  function showEdge(id) {
    var e = edgeById.get(id), body = openPanel("edge", id);
    body.appendChild(el("h2", "", edgeLabel(e)));
    var dl = el("dl");
    row(dl, "from", goButton(e.from));
    row(dl, "to", goButton(e.to));
    row(dl, "kind", kindLabel(e) + " (" + e.kind + ")");
    ["date", "start", "end"].forEach(function (k) { if (e[k]) row(dl, k, e[k]); });
    if (e.prov) row(dl, "prov", e.prov);
    if (e.fact) row(dl, "fact", e.fact);
    body.appendChild(dl);
    if (e.fact) quotes(body, e);
  }
  function closePanel() { state.panel = null; $("panel").hidden = true; relabel(); }

  // ---- search ----------------------------------------------------------------------------------
  function norm(s) { return String(s).normalize("NFKC").toLowerCase(); }
  var index = DATA.nodes.map(function (n) {
    var full = [], words = [];
    [n.ja, n.en].concat(n.alias).forEach(function (s) {
      if (!s) return;
      var k = norm(s);
      full.push(k);
      k.split(/[\s\-\/()（）・、,.]+/).slice(1).forEach(function (w) { if (w) words.push(w); });
    });
    return { node: n, full: full, words: words };
  });
  function search(query) {
    var q = norm(query).trim(), hits = [];
    if (!q) return hits;
    index.forEach(function (entry) {
      var rank = 3;
      entry.full.forEach(function (k) { if (k === q) rank = 0; else if (rank > 1 && k.indexOf(q) === 0) rank = 1; });
      if (rank === 3 && entry.words.some(function (w) { return w.indexOf(q) === 0; })) rank = 2;
      if (rank < 3) hits.push({ node: entry.node, rank: rank });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.node.size - a.node.size || (a.node.id < b.node.id ? -1 : 1);
    });
    return hits.slice(0, 10).map(function (h) { return h.node; });
  }
  var hits = [], active = 0;
  function showHits() {
    var list = $("hits");
    clear(list);
    hits = search($("search").value);
    active = 0;
    if (!$("search").value.trim()) { list.hidden = true; return; }
    if (!hits.length) list.appendChild(el("li", "sub", t("noHits")));
    hits.forEach(function (n, i) {
      var li = el("li", "", nodeLabel(n));
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      li.appendChild(el("span", "cls", classLabel(n.cls)));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(n.id); });
      list.appendChild(li);
    });
    list.hidden = false;
  }
  function pick(id) {
    $("hits").hidden = true;
    goTo(id);
    saveHash();
  }
  function setupSearch() {
    var input = $("search");
    input.addEventListener("input", showHits);
    input.addEventListener("blur", function () { $("hits").hidden = true; });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (!hits.length) return;
        active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
        $("hits").querySelectorAll("li").forEach(function (li, i) { li.setAttribute("aria-selected", String(i === active)); });
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        if (!hits.length) showHits();
        if (hits.length) pick(hits[active].id);
      } else if (ev.key === "Escape") {
        $("hits").hidden = true;
      }
    });
  }

  function goTo(id) {
    if (!visibleNodes.has(id)) {
      state.focus = null;
      state.missing = null;
      state.hiddenClasses.clear();
      state.hiddenKinds.clear();
      state.from = state.to = null;
      state.undated = true;
      syncControls();
      if (timeline) timeline.setPeriod(null, null);
      setHighlight(null);
      $("focus-banner").hidden = true;
      applyFilters();
    }
    network.selectNodes([id]);
    network.moveTo({ position: network.getPosition(id), scale: Math.max(network.getScale(), 1), animation: false });
    labelEdgesOf(id);
    showNode(id);
  }

  // ---- wiring ----------------------------------------------------------------------------------
  network.on("click", function (params) {
    if (params.nodes.length) { labelEdgesOf(params.nodes[0]); showNode(params.nodes[0]); }
    else if (params.edges.length) showEdge(params.edges[0]);
    else { labelEdgesOf(null); closePanel(); }
    saveHash();
  });
  $("panel-close").addEventListener("click", function () { closePanel(); saveHash(); });
  $("fit").addEventListener("click", fitAll);
  $("save").addEventListener("click", savePicture);
  $("physics").addEventListener("change", function () {
    physicsOn = $("physics").checked;
    network.setOptions({ physics: { enabled: physicsOn } });
  });
  document.querySelectorAll("#lang button").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); saveHash(); });
  });
  $("focus-clear").addEventListener("click", function () {
    state.focus = null;
    state.missing = null;
    labelEdgesOf(null);
    network.unselectAll();
    applyFocus();
    saveHash();
  });
  $("hubs").addEventListener("change", function () {
    state.hubs = $("hubs").checked;
    applyFocus();
    saveHash();
  });
  window.addEventListener("hashchange", function () {
    if (location.hash === writtenHash) return; // our own write
    var lang = state.lang;
    readHash();
    if (lang !== state.lang) setLang(state.lang); else syncControls();
    if (timeline) timeline.setPeriod(state.from, state.to);
    applyFocus();
    applySelection();
  });

  $("filters").open = window.innerWidth >= 640 && window.innerHeight >= 360;
  // A view opened with a selection shows its panel; where legend and panel would leave the
  // network less than half the width, the legend starts closed.
  if (state.panel && $("filters").open && $("filters").offsetWidth + 16 + panelWidth() > $("network").clientWidth / 2) {
    $("filters").open = false;
  }
  setupYears();
  setupSearch();
  setLang(state.lang, true);
  syncControls();
  applyFocus();
  applySelection();
})();
