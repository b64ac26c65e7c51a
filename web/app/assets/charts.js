// Charts as plain SVG (no library to download): bars for distance per week, lines for pace and
// mood levels over time. Drawn at the width of their box (in CSS pixels, so text stays legible on
// a phone) and a fixed height that the CSS reserves, so nothing below moves when data arrives.

const NS = 'http://www.w3.org/2000/svg';
let W = 640;
const H = 220;
const PAD = { top: 14, right: 12, bottom: 28, left: 44 };

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function frame(label, width) {
  W = Math.max(280, Math.round(width || 640));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': label, class: 'chart-svg' });
  root.append(svg('title', {}, label));
  return root;
}

/** A round step for about four grid lines up to `value`: 1, 2 or 5 × a power of ten. */
function niceStep(value) {
  if (!(value > 0)) return 1;
  const raw = value / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map(m => m * power).find(step => step >= raw);
}

function yAxis(root, min, max, step, format) {
  const plotH = H - PAD.top - PAD.bottom;
  for (let value = min; value <= max + step / 1000; value += step) {
    const y = PAD.top + plotH - plotH * (value - min) / (max - min);
    root.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: value > min ? 'grid' : 'axis' }));
    root.append(svg('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, format(value)));
  }
}

function xLabels(root, labels, xOf) {
  // At most ~7 labels, evenly picked, so they never overlap on a phone.
  const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(W / 90))));
  labels.forEach((label, i) => {
    if (i % every && i !== labels.length - 1) return;
    const x = xOf(i);
    const anchor = x > W - 36 ? 'end' : 'middle';
    root.append(svg('text', { x: anchor === 'end' ? W - 2 : x, y: H - 8, 'text-anchor': anchor, class: 'tick' }, label));
  });
}

/** Bars: [{label, value, title}]. */
export function barChart(label, bars, format, width) {
  const root = frame(label, width);
  if (!bars.length) return empty(root);
  const step = niceStep(Math.max(...bars.map(b => b.value)));
  const max = step * Math.ceil(Math.max(...bars.map(b => b.value)) / step);
  yAxis(root, 0, max, step, format);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / bars.length;
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  bars.forEach((b, i) => {
    const height = plotH * b.value / max;
    const rect = svg('rect', {
      x: PAD.left + slot * i + (slot - barW) / 2, y: PAD.top + plotH - height,
      width: barW, height: Math.max(height, 0.5), rx: 2, class: 'bar',
    });
    rect.append(svg('title', {}, b.title));
    root.append(rect);
  });
  xLabels(root, bars.map(b => b.label), i => PAD.left + slot * i + slot / 2);
  return root;
}

/**
 * Lines over time: series [{name, cls, points: [{t (ms), value, title}]}] on one time axis;
 * `range` fixes the y axis (e.g. [1, 5] for mood levels), else it fits the data.
 */
export function lineChart(label, series, format, range, width) {
  const root = frame(label, width);
  const all = series.flatMap(s => s.points);
  if (!all.length) return empty(root);
  const times = all.map(p => p.t);
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t0 === t1) { t0 -= 86_400_000; t1 += 86_400_000; }
  let [lo, hi] = range || [Math.min(...all.map(p => p.value)), Math.max(...all.map(p => p.value))];
  let step = 1;
  if (!range) {
    const pad = (hi - lo) * 0.15 || 0.5;
    step = niceStep(hi - lo + 2 * pad);
    lo = Math.max(0, step * Math.floor((lo - pad) / step));
    hi = step * Math.ceil((hi + pad) / step);
  }
  yAxis(root, lo, hi, step, format);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = t => PAD.left + plotW * (t - t0) / (t1 - t0);
  const y = v => PAD.top + plotH - plotH * (v - lo) / (hi - lo);
  for (const s of series) {
    const points = [...s.points].sort((a, b) => a.t - b.t);
    if (points.length > 1) {
      root.append(svg('polyline', { points: points.map(p => `${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '), class: `line ${s.cls}` }));
    }
    for (const p of points) {
      const dot = svg('circle', { cx: x(p.t).toFixed(1), cy: y(p.value).toFixed(1), r: 3.5, class: `dot ${s.cls}` });
      dot.append(svg('title', {}, p.title));
      root.append(dot);
    }
  }
  const labels = [];
  const fmt = t => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  const n = W < 420 ? 3 : 5;
  for (let i = 0; i < n; i++) labels.push(fmt(t0 + (t1 - t0) * i / (n - 1)));
  xLabels(root, labels, i => PAD.left + plotW * i / (n - 1));
  return root;
}

function empty(root) {
  root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, 'Nothing in this range yet'));
  return root;
}
