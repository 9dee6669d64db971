/* The labels of the network page, placed and drawn by the page itself, not by vis-network.

   At every zoom a label is drawn only where it has room: nodes are taken in the order the page
   gives (the focus and the selection first, then the best linked), each label tried below, above,
   right and left of its node, and kept only if it touches no label already kept, no other node
   (an important node's label, e.g. a hub's, may cover other nodes). A label under a panel over the
   canvas (the legend, the side panel) is not drawn. Edge labels come after every node label, at the edge's middle, when the zoom is close
   enough (or the edge belongs to the selection). The rest show on hover (the hovered node is put
   first) or when zooming in makes room. The kept boxes are screen boxes, so what is drawn never
   overlaps; `boxes()` gives them (in CSS pixels of the canvas) to tests. */
var ResdipLabels = (function () {
  "use strict";

  var NODE_PX = [12, 16]; // a node label's font size on screen: 16 × zoom, kept within these
  var EDGE_PX = 11;
  var EDGE_MIN_SCALE = 0.55; // edge labels only from this zoom on (as vis-network's drawThreshold did)
  var PAD = 2; // pixels kept free around a label
  var CELL = 64; // grid cell for the collision test

  function create(network, source) {
    // source: order() -> node ids to label, most important first; edges() -> edge ids;
    // nodeText(id), edgeText(id), bold(id) -> bool, important(id) -> bool, font (CSS family list),
    // obstacles() -> rectangles {x, y, w, h} in CSS pixels of the canvas that labels keep off
    var measureCtx = document.createElement("canvas").getContext("2d");
    var widths = new Map(); // text -> width at 100 px
    var placed = [], key = "", version = 0, hover = null, enabled = true;

    function width(text, px, bold) {
      var k = (bold ? "b" : "") + text, w = widths.get(k);
      if (w === undefined) {
        measureCtx.font = (bold ? "bold " : "") + "100px " + source.font;
        w = measureCtx.measureText(text).width;
        widths.set(k, w);
      }
      return w * px / 100;
    }

    function Grid() { this.cells = new Map(); }
    Grid.prototype.keys = function (b, fn) {
      var x0 = Math.floor(b.x / CELL), x1 = Math.floor((b.x + b.w) / CELL);
      var y0 = Math.floor(b.y / CELL), y1 = Math.floor((b.y + b.h) / CELL);
      for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) if (fn(x + "," + y)) return true;
      return false;
    };
    Grid.prototype.add = function (b) {
      var cells = this.cells;
      this.keys(b, function (k) { var c = cells.get(k); if (c) c.push(b); else cells.set(k, [b]); return false; });
    };
    Grid.prototype.hits = function (b, except) {
      var cells = this.cells;
      return this.keys(b, function (k) {
        var c = cells.get(k);
        if (!c) return false;
        for (var i = 0; i < c.length; i++) {
          var o = c[i];
          if (o.owner !== except && o.x < b.x + b.w + PAD && b.x < o.x + o.w + PAD &&
              o.y < b.y + b.h + PAD && b.y < o.y + o.h + PAD) return true;
        }
        return false;
      });
    };

    // Place every label for the current zoom. Boxes are in "scaled canvas" pixels (canvas
    // coordinates times the zoom), so panning moves them without placing them again.
    function place() {
      var scale = network.getScale(), body = network.body, grid = new Grid(), out = [], labels = new Grid();
      var order = source.order(), px = Math.max(NODE_PX[0], Math.min(NODE_PX[1], 16 * scale));
      var disks = new Map(), probe = px * 0.25; // no label is narrower than this
      order.forEach(function (id) {
        var node = body.nodes[id];
        if (!node) return;
        var r = (node.options.size || 10) * scale + (node.options.borderWidth || 1);
        var disk = { x: node.x * scale - r, y: node.y * scale - r, w: 2 * r, h: 2 * r, owner: id };
        disks.set(id, disk);
        grid.add(disk);
      });
      var first = hover && disks.has(hover) ? [hover] : [];
      first.concat(order).forEach(function (id, i) {
        if (i > 0 && id === hover) return;
        var disk = disks.get(id), text = disk && source.nodeText(id);
        if (!text) return;
        var cx = disk.x + disk.w / 2, cy = disk.y + disk.h / 2, r = disk.w / 2, h = Math.ceil(px * 1.25);
        var forced = i === 0 && first.length, tries = source.important(id) ? 8 : 4;
        function spotsFor(w) {
          return [
            { x: cx - w / 2, y: cy + r + 2 }, { x: cx - w / 2, y: cy - r - 2 - h },
            { x: cx + r + 4, y: cy - h / 2 }, { x: cx - r - 4 - w, y: cy - h / 2 }
          ];
        }
        // A narrow box at each spot lies inside the label's box there: when every narrow one is
        // blocked, so is the label, and its text need not be measured (most, at 10,000 nodes).
        if (!forced && !spotsFor(probe).some(function (spot, s) {
          var b = { x: spot.x, y: spot.y, w: probe, h: h };
          return !labels.hits(b) && (tries > 4 || !grid.hits(b, id));
        })) return;
        var bold = source.bold(id), w = width(text, px, bold), spots = spotsFor(w);
        for (var s = 0; s < tries; s++) { // important nodes: then again, covering other nodes
          var spot = spots[s % spots.length], box = { x: spot.x, y: spot.y, w: w, h: h, owner: id };
          if (!labels.hits(box) && (forced || s >= spots.length || !grid.hits(box, id))) {
            box.text = text; box.px = px; box.bold = bold; box.kind = "node";
            labels.add(box); out.push(box);
            return;
          }
        }
        if (forced) { // the hovered node's label is drawn even where it has no room (below it)
          var b = { x: spots[0].x, y: spots[0].y, w: w, h: h, owner: id, text: text, px: px, bold: bold, kind: "node" };
          labels.add(b); out.push(b);
        }
      });
      source.edges(scale >= EDGE_MIN_SCALE).forEach(function (id) {
        var edge = body.edges[id], text = source.edgeText(id);
        if (!text || !edge || !edge.connected || edge.fromId === edge.toId) return;
        var p = edge.edgeType.getPoint(0.5), w = width(text, EDGE_PX, false), h = Math.ceil(EDGE_PX * 1.25);
        var box = { x: p.x * scale - w / 2, y: p.y * scale - h / 2, w: w, h: h, owner: id };
        if (labels.hits(box) || grid.hits(box)) return;
        box.text = text; box.px = EDGE_PX; box.bold = false; box.kind = "edge";
        labels.add(box); out.push(box);
      });
      return out;
    }

    function current() {
      var k = network.getScale() + "|" + version + "|" + hover;
      if (k !== key) { placed = enabled ? place() : []; key = k; }
      return placed;
    }

    // The placed boxes on screen and clear of the panels, in CSS pixels of the canvas.
    function onScreen() {
      var t = network.body.view.translation, canvas = network.canvas.frame.canvas;
      var w = canvas.clientWidth, h = canvas.clientHeight, covers = source.obstacles();
      return current().filter(function (b) {
        var x = b.x + t.x, y = b.y + t.y;
        return x < w && y < h && x + b.w > 0 && y + b.h > 0 && !covers.some(function (r) {
          return x < r.x + r.w && r.x < x + b.w && y < r.y + r.h && r.y < y + b.h;
        });
      });
    }

    function draw(ctx) {
      var boxes = onScreen(), t = network.body.view.translation, ratio = network.canvas.pixelRatio || 1;
      if (!boxes.length) return;
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      boxes.forEach(function (b) {
        var x = b.x + t.x, y = b.y + t.y;
        ctx.font = (b.bold ? "bold " : "") + b.px + "px " + source.font;
        ctx.lineWidth = 3;
        ctx.strokeStyle = "#ffffff";
        ctx.fillStyle = b.kind === "edge" ? "#57606a" : "#1f2328";
        ctx.strokeText(b.text, x, y + b.h / 2);
        ctx.fillText(b.text, x, y + b.h / 2);
      });
      ctx.restore();
    }

    network.on("afterDrawing", draw);
    network.on("hoverNode", function (p) { hover = p.node; });
    network.on("blurNode", function () { hover = null; });

    return {
      changed: function () { version++; }, // the shown items, their order or their text changed
      setEnabled: function (on) { enabled = on; version++; },
      // The boxes drawn now, in CSS pixels of the canvas (only those on screen).
      boxes: function () {
        var t = network.body.view.translation;
        return onScreen().map(function (b) {
          return { id: b.owner, kind: b.kind, text: b.text, x: b.x + t.x, y: b.y + t.y, w: b.w, h: b.h };
        });
      }
    };
  }

  return { create: create };
})();
