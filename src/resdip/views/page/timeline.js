/* The timeline under the network: every dated fact as a mark on a time axis, one row per kind
   (an event type, a relation), a mark spanning the fact's days (a month, a fiscal year...).
   Dragging across it brushes a period (the page then shows only what overlaps it); a click on a
   mark picks that fact. Drawn on one canvas, so ten thousand marks stay fluid. */
var ResdipTimeline = (function () {
  "use strict";

  var AXIS = 20; // pixels under the rows for the years
  var ROW = [5, 14]; // a row's height in pixels, at least and at most
  var GUTTER = 120; // pixels left of the axis for the row names
  var PALETTE = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#d1242f", "#0a3069", "#953800",
                 "#116329", "#6639ba", "#4d2d00", "#57606a"];

  function create(section, canvas, source) {
    // source: items [{id, kind, t0, t1}] (days), rows [kind ids], rowLabel(kind), title(id),
    // shown(id) -> is it drawn in the network, onBrush(from, to), onPick(id), font, maxHeight()
    var ctx = canvas.getContext("2d");
    var rowOf = new Map(), byRow = [];
    source.rows.forEach(function (k, i) { rowOf.set(k, i); byRow.push([]); });
    var lo = Infinity, hi = -Infinity;
    source.items.forEach(function (it) {
      byRow[rowOf.get(it.kind)].push(it);
      lo = Math.min(lo, it.t0);
      hi = Math.max(hi, it.t1);
    });
    var pad = Math.max(30, (hi - lo) * 0.02);
    lo -= pad; hi += pad;
    var period = { from: null, to: null }, drag = null, width = 0, rowH = ROW[1], pending = false;

    function x(day) { return GUTTER + (day - lo) / (hi - lo) * (width - GUTTER - 8); }
    function day(px) { return Math.round(lo + (px - GUTTER) / (width - GUTTER - 8) * (hi - lo)); }

    function size() {
      var rows = source.rows.length, want = rows * ROW[1] + AXIS;
      var height = Math.min(want, Math.max(source.maxHeight(), rows * ROW[0] + AXIS));
      rowH = Math.max(ROW[0], Math.min(ROW[1], (height - AXIS) / rows));
      height = Math.round(rows * rowH + AXIS);
      width = section.clientWidth;
      var ratio = window.devicePixelRatio || 1;
      canvas.style.height = height + "px";
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      draw();
    }

    function draw() {
      pending = false;
      var height = canvas.height / (window.devicePixelRatio || 1);
      ctx.clearRect(0, 0, width, height);
      ctx.font = Math.min(11, Math.max(8, rowH - 2)) + "px " + source.font;
      ctx.textBaseline = "middle";
      source.rows.forEach(function (k, i) {
        var y = i * rowH;
        if (i % 2) { ctx.fillStyle = "#f6f8fa"; ctx.fillRect(0, y, width, rowH); }
        ctx.fillStyle = "#57606a";
        ctx.fillText(fit(source.rowLabel(k), GUTTER - 8), 4, y + rowH / 2);
      });
      drawAxis(height);
      byRow.forEach(function (items, i) {
        var colour = PALETTE[i % PALETTE.length], y = i * rowH + 1.5, h = Math.max(2, rowH - 3);
        items.forEach(function (it) {
          var inside = (period.from === null || it.t1 >= period.from) && (period.to === null || it.t0 <= period.to);
          ctx.globalAlpha = inside && source.shown(it.id) ? 0.9 : 0.18;
          ctx.fillStyle = colour;
          var x0 = x(it.t0);
          ctx.fillRect(x0, y, Math.max(3, x(it.t1 + 1) - x0), h);
        });
      });
      ctx.globalAlpha = 1;
      var brush = drag ? [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)]
        : period.from !== null || period.to !== null
          ? [period.from === null ? GUTTER : x(period.from), period.to === null ? width - 8 : x(period.to + 1)] : null;
      if (brush) {
        ctx.fillStyle = "rgba(9,105,218,0.12)";
        ctx.fillRect(brush[0], 0, brush[1] - brush[0], height - AXIS);
        ctx.strokeStyle = "#0969da";
        ctx.lineWidth = 1;
        ctx.strokeRect(brush[0] + 0.5, 0.5, brush[1] - brush[0] - 1, height - AXIS - 1);
      }
    }

    function drawAxis(height) {
      var y0 = height - AXIS, first = new Date(lo * 864e5).getUTCFullYear(), last = new Date(hi * 864e5).getUTCFullYear();
      var steps = [1, 2, 5, 10, 20, 50], step = steps[steps.length - 1];
      for (var s = 0; s < steps.length; s++) {
        if ((x(Date.UTC(2001 + steps[s], 0, 1) / 864e5) - x(Date.UTC(2001, 0, 1) / 864e5)) >= 44) { step = steps[s]; break; }
      }
      ctx.strokeStyle = "#d0d7de";
      ctx.fillStyle = "#57606a";
      ctx.font = "11px " + source.font;
      ctx.beginPath();
      ctx.moveTo(GUTTER, y0 + 0.5);
      ctx.lineTo(width - 8, y0 + 0.5);
      for (var year = Math.ceil(first / step) * step; year <= last; year += step) {
        var px = Math.round(x(Date.UTC(year, 0, 1) / 864e5)) + 0.5;
        if (px < GUTTER) continue;
        ctx.moveTo(px, 0);
        ctx.lineTo(px, y0 + 4);
        ctx.fillText(String(year), px + 2, y0 + AXIS / 2 + 2);
      }
      ctx.stroke();
    }

    function fit(text, room) {
      if (ctx.measureText(text).width <= room) return text;
      var chars = Array.from(text);
      while (chars.length > 1 && ctx.measureText(chars.join("") + "…").width > room) chars.pop();
      return chars.join("") + "…";
    }

    function later() { if (!pending) { pending = true; requestAnimationFrame(draw); } }

    // The fact under a point of the canvas, if any: the shown one first, then the shortest.
    function hit(px, py) {
      var i = Math.floor(py / rowH);
      if (px < GUTTER || i < 0 || i >= byRow.length) return null;
      var best = null;
      byRow[i].forEach(function (it) {
        var x0 = x(it.t0) - 2, x1 = Math.max(x0 + 7, x(it.t1 + 1) + 2);
        if (px < x0 || px > x1) return;
        var rank = (source.shown(it.id) ? 0 : 1e9) + (it.t1 - it.t0);
        if (!best || rank < best.rank) best = { id: it.id, rank: rank };
      });
      return best && best.id;
    }

    function local(ev) { var r = canvas.getBoundingClientRect(); return { x: ev.clientX - r.left, y: ev.clientY - r.top }; }
    canvas.addEventListener("pointerdown", function (ev) {
      var p = local(ev);
      if (p.x < GUTTER) return;
      drag = { a: p.x, b: p.x };
      canvas.setPointerCapture(ev.pointerId);
    });
    canvas.addEventListener("pointermove", function (ev) {
      var p = local(ev);
      if (drag) { drag.b = Math.max(GUTTER, Math.min(width - 8, p.x)); later(); return; }
      var id = hit(p.x, p.y);
      canvas.title = id ? source.title(id) : "";
      canvas.style.cursor = id ? "pointer" : p.x >= GUTTER ? "crosshair" : "default";
    });
    canvas.addEventListener("pointerup", function (ev) {
      if (!drag) return;
      var p = local(ev), d = drag;
      drag = null;
      if (Math.abs(d.b - d.a) < 4) {
        var id = hit(p.x, p.y);
        draw();
        if (id) source.onPick(id);
        return;
      }
      var a = Math.min(d.a, d.b), b = Math.max(d.a, d.b);
      source.onBrush(day(a), day(b) - 1);
    });
    canvas.addEventListener("pointercancel", function () { drag = null; draw(); });
    if (window.ResizeObserver) new ResizeObserver(size).observe(section); else window.addEventListener("resize", size);
    size();

    return {
      setPeriod: function (from, to) { period = { from: from, to: to }; draw(); },
      redraw: later,
      // For tests and the screenshots: the canvas x (CSS pixels, from the page's left) of a day,
      // and the y of the middle of a kind's row.
      clientX: function (d) { return canvas.getBoundingClientRect().left + x(d); },
      clientY: function (kind) { return canvas.getBoundingClientRect().top + (rowOf.get(kind) + 0.5) * rowH; }
    };
  }

  return { create: create };
})();
