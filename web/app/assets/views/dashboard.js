// The dashboard: the API's totals for a chosen range, and three charts: distance per week (the
// dashboard's runsByWeek), pace over time (the runs) and the mood levels over time (the moods).

import { barChart, lineChart } from '../charts.js';
import { distance, h, pace, paceMinutes, preferredUnit, setPreferredUnit, shortDate, today, KM_PER_MILE } from '../ui.js';
import { LEVELS } from './moods.js';

const RANGES = [
  ['4w', 'Last 4 weeks', () => today(-27)],
  ['12w', 'Last 12 weeks', () => today(-83)],
  ['1y', 'Last 12 months', () => today(-364)],
  ['all', 'All time', () => ''],
  ['custom', 'Custom…', null],
];

let chosen = { range: '12w', from: '', to: '' };

export function renderDashboard(app) {
  const unit = preferredUnit();
  const stats = [
    ['runs', 'Runs'], ['total', 'Total distance'], ['average', 'Average run'],
    ['longest', 'Longest run'], ['pace', 'Average pace'], ['mood', 'Latest mood'],
  ].map(([key, label]) => {
    const value = h('dd.stat-value', { 'data-stat': key, text: '—' });
    return { key, value, element: h('div.stat', {}, h('dt', { text: label }), value) };
  });
  const charts = {
    weeks: chartCard('Distance per week', 'chart-weeks'),
    pace: chartCard('Pace over time', 'chart-pace'),
    moods: chartCard('Mood levels', 'chart-moods', h('ul.legend', {}, LEVELS.map(([key, label]) => h('li', { class: `lg lv-${key}`, text: label })))),
  };

  const range = h('select', { id: 'range', name: 'range' }, RANGES.map(([value, label]) => h('option', { value, text: label })));
  range.value = chosen.range;
  const from = h('input', { type: 'date', id: 'dash-from', name: 'from', value: chosen.from });
  const to = h('input', { type: 'date', id: 'dash-to', name: 'to', value: chosen.to });
  const custom = h('div.custom-range', { hidden: chosen.range !== 'custom' },
    h('div.field.inline', {}, h('label', { for: 'dash-from', text: 'From' }), from),
    h('div.field.inline', {}, h('label', { for: 'dash-to', text: 'To' }), to),
    h('button.button', { type: 'submit', text: 'Show' }));
  const units = h('div.segmented', { role: 'group', 'aria-label': 'Distance unit' }, ['km', 'mi'].map(u =>
    h('button', { type: 'button', text: u === 'km' ? 'km' : 'miles', 'aria-pressed': String(u === unit),
      onclick: () => { setPreferredUnit(u); renderDashboard(app); } })));
  const controls = h('form.dash-controls', { 'aria-label': 'Date range' },
    h('div.field.inline', {}, h('label', { for: 'range', text: 'Range' }), range), custom, units);
  const error = h('p.form-alert', { role: 'alert', hidden: true });

  range.addEventListener('change', () => {
    chosen.range = range.value;
    custom.hidden = range.value !== 'custom';
    if (range.value !== 'custom') load();
  });
  controls.addEventListener('submit', e => { e.preventDefault(); chosen.from = from.value; chosen.to = to.value; load(); });

  app.show(h('section.dashboard', {},
    h('div.page-head', {},
      h('div', {}, h('h1', { text: 'Dashboard' }), h('p.muted.greeting', { text: `Hi ${app.user.username}, here is how it's going.` })),
      h('div.quick', {},
        h('a.button.primary', { href: '#/runs/new', text: '+ Run' }),
        h('a.button', { href: '#/moods/new', text: '+ Mood' }))),
    controls,
    error,
    h('dl.stats', { 'aria-live': 'polite' }, stats.map(s => s.element)),
    h('div.charts', {}, charts.weeks.element, charts.pace.element, charts.moods.element)));

  async function load() {
    const query = chosen.range === 'custom'
      ? { from: chosen.from, to: chosen.to }
      : { from: RANGES.find(r => r[0] === chosen.range)[2](), to: '' };
    if (query.from && query.to && query.from > query.to) {
      error.textContent = '"From" must be on or before "To".';
      error.hidden = false;
      return;
    }
    error.hidden = true;
    document.querySelector('.dashboard')?.setAttribute('aria-busy', 'true');
    try {
      const [dash, runs, moods] = await Promise.all([
        app.api.get('/users/me/dashboard', query).then(r => r.data),
        app.api.all('/users/me/runs', query),
        app.api.all('/users/me/moods', query),
      ]);
      show(dash, runs, moods);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    } finally {
      document.querySelector('.dashboard')?.removeAttribute('aria-busy');
    }
  }

  function show(dash, runs, moods) {
    const value = Object.fromEntries(stats.map(s => [s.key, s.value]));
    value.runs.textContent = String(dash.totalRuns);
    value.total.textContent = distance(dash.totalDistanceKm, unit, 1);
    value.average.textContent = distance(dash.averageDistanceKm, unit, 1);
    value.longest.textContent = distance(dash.longestRunKm, unit, 1);
    value.pace.textContent = pace(dash.averagePaceSecondsPerKm, unit);
    value.mood.textContent = dash.latestMood || '—';

    const perUnit = unit === 'mi' ? 1 / KM_PER_MILE : 1;
    charts.weeks.draw(width => barChart(`Distance per week, in ${unit}`, dash.runsByWeek.map(w => ({
      label: shortDate(w.weekStart), value: w.distanceKm * perUnit,
      title: `Week of ${shortDate(w.weekStart)}: ${distance(w.distanceKm, unit, 1)} in ${w.runs} run${w.runs === 1 ? '' : 's'}`,
    })), v => String(Math.round(v * 10) / 10), width));
    const timed = runs.filter(r => r.paceSecondsPerKm);
    charts.pace.draw(width => lineChart(`Pace over time, minutes per ${unit}`, [{
      name: 'pace', cls: 'pace',
      points: timed.map(r => ({ t: time(r.date), value: paceMinutes(r.paceSecondsPerKm, unit), title: `${shortDate(r.date)}: ${pace(r.paceSecondsPerKm, unit)}` })),
    }], v => minutes(v), null, width));
    charts.moods.draw(width => lineChart('Mood levels over time, 1 to 5', LEVELS.map(([key, label]) => ({
      name: label, cls: `lv-${key}`,
      points: moods.filter(m => m[key]).map(m => ({ t: time(m.date), value: m[key], title: `${shortDate(m.date)} ${label}: ${m[key]}` })),
    })), v => String(Math.round(v)), [1, 5], width));
  }

  return load();
}

function chartCard(title, id, extra) {
  const box = h('div.chart', { id });
  let last = null;
  const element = h('figure.card.chart-card', {}, h('figcaption', {}, h('h2', { text: title }), extra || null), box);
  // Drawn at the box's width, again when that changes (rotating a phone, resizing a window).
  new ResizeObserver(() => { if (last) box.replaceChildren(last(box.clientWidth)); }).observe(box);
  return { element, draw(render) { last = render; box.replaceChildren(render(box.clientWidth)); } };
}

function time(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

function minutes(v) {
  const total = Math.round(v * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
