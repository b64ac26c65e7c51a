// The runs: a list (newest first, filtered by dates and tag, paged) and the form to log or edit one.

import { ApiError } from '../api.js';
import { distance, duration, field, h, longDate, pace, parseDuration, preferredUnit, today } from '../ui.js';
import { filterBar, pagedList, renderEditor } from './editor.js';

export function renderRuns(app) {
  const filters = filterBar(() => paged.reload(), app.tags());
  const paged = pagedList(app, '/users/me/runs', filters.query, runItem, 'No runs here yet. Log your first one!');
  app.show(h('section', {},
    h('div.page-head', {},
      h('h1', { text: 'Runs' }),
      h('a.button.primary', { href: '#/runs/new', text: '+ Log a run' })),
    filters.element,
    paged.element));
  return paged.reload();
}

function runItem(run) {
  const when = longDate(run.date);
  return h('li', {}, h('a.item', { href: `#/runs/${run.id}`, 'aria-label': `${run.title || 'Run'}, ${when}, ${distance(run.distanceKm)}` },
    h('div.item-main', {},
      h('span.item-title', { text: run.title || 'Run' }),
      h('span.item-sub.muted', { text: [when, run.mood].filter(Boolean).join(' · ') }),
      run.tags.length ? h('span.tags', {}, run.tags.map(t => h('span.tag', { text: t }))) : null),
    h('div.item-figures', {},
      h('span.figure', { text: distance(run.distanceKm) }),
      h('span.muted', { text: [duration(run.durationSeconds), pace(run.paceSecondsPerKm) === '—' ? '' : pace(run.paceSecondsPerKm)].filter(Boolean).join(' · ') }))));
}

export function renderRunEditor(app, id) {
  return renderEditor(app, id, {
    noun: 'run', Noun: 'Run', newTitle: 'Log a run', listRoute: '#/runs',
    createPath: '/users/me/runs', itemPath: runId => `/runs/${runId}`,
    fields: run => runFields(run, app.tags()),
    saved: () => app.runsChanged(),
    summary: run => [
      ['Distance', `${run.distance} ${run.unit}`],
      ['Date', run.date],
      ['Duration', duration(run.durationSeconds)],
      ['Title', run.title || ''],
      ['Mood', run.mood || ''],
      ['Tags', (run.tags || []).join(', ')],
      ['Notes', run.notes || ''],
    ],
  });
}

function runFields(run, suggestions) {
  const distanceInput = h('input', { name: 'distance', type: 'number', inputmode: 'decimal', step: 'any', min: '0', required: true, placeholder: '5.0' });
  const unit = h('select', { name: 'unit', 'aria-label': 'Unit' }, h('option', { value: 'km', text: 'km' }), h('option', { value: 'mi', text: 'mi' }));
  const date = h('input', { name: 'date', type: 'date', required: true });
  const time = h('input', { name: 'durationSeconds', inputmode: 'numeric', placeholder: 'h:mm:ss', autocomplete: 'off' });
  const title = h('input', { name: 'title', maxlength: '100', placeholder: 'Morning loop' });
  const mood = h('input', { name: 'mood', maxlength: '50', placeholder: 'Great, tired, flying…' });
  const notes = h('textarea', { name: 'notes', rows: '3', maxlength: '2000' });
  const tags = tagInput(suggestions);

  const distanceBox = field('Distance', distanceInput);
  distanceBox.querySelector('input').after(unit);
  distanceBox.classList.add('with-unit');

  function fill(r) {
    distanceInput.value = r ? r.distance : '';
    unit.value = r ? r.unit : preferredUnit();
    date.value = r ? r.date : today();
    time.value = r ? durationText(r.durationSeconds) : '';
    title.value = r?.title || '';
    mood.value = r?.mood || '';
    notes.value = r?.notes || '';
    tags.set(r ? r.tags : []);
  }
  fill(run);

  return {
    elements: [
      h('div.row', {}, distanceBox, field('Date', date)),
      h('div.row', {}, field('Duration', time, 'h:mm:ss, or mm:ss'), field('Mood', mood)),
      field('Title', title),
      tags.element,
      field('Notes', notes),
    ],
    fill,
    focus: () => distanceInput.focus(),
    read() {
      const seconds = parseDuration(time.value);
      const errors = [];
      if (Number.isNaN(seconds)) errors.push({ field: 'durationSeconds', message: 'use h:mm:ss, e.g. 0:42:30' });
      if (distanceInput.value.trim() === '') errors.push({ field: 'distance', message: 'enter how far you ran' });
      if (errors.length) return new ApiError(400, { detail: 'Please check the highlighted fields.', errors });
      const text = v => v.trim() === '' ? null : v.trim();
      return {
        distance: Number(distanceInput.value),
        unit: unit.value,
        date: date.value || today(),
        durationSeconds: seconds,
        title: text(title.value),
        mood: text(mood.value),
        notes: text(notes.value),
        tags: tags.get(),
      };
    },
  };
}

function durationText(seconds) {
  return seconds === null || seconds === undefined ? '' : duration(seconds);
}

/** Tags as removable chips; typing offers the user's own tags; Enter or comma adds one. */
function tagInput(suggestions) {
  let values = [];
  const chips = h('ul.chips', { 'aria-label': 'Tags on this run' });
  const input = h('input', { name: 'tags', list: 'tag-suggestions', autocomplete: 'off', maxlength: '30', placeholder: 'park, intervals…', enterkeyhint: 'enter' });
  const datalist = h('datalist', { id: 'tag-suggestions' });
  suggestions.then(tags => datalist.replaceChildren(...tags.map(t => h('option', { value: t }))));

  function draw() {
    chips.replaceChildren(...values.map(t => h('li.chip', {}, t,
      h('button', { type: 'button', 'aria-label': `Remove tag ${t}`, text: '×', onclick: () => { values = values.filter(v => v !== t); draw(); input.focus(); } }))));
  }
  function add(text) {
    for (const t of text.split(',').map(s => s.trim().toLowerCase()).filter(Boolean)) {
      if (!values.includes(t)) values.push(t);
    }
    input.value = '';
    draw();
  }
  input.addEventListener('keydown', e => {
    if ((e.key === 'Enter' || e.key === ',') && input.value.trim()) { e.preventDefault(); add(input.value); }
  });
  // Picking a suggestion from the list fills the input: take it as a tag at once.
  input.addEventListener('input', e => {
    if (e.inputType === 'insertReplacementText' && [...datalist.options].some(o => o.value === input.value)) add(input.value);
  });
  const box = field('Tags', input, 'Press Enter after each tag');
  box.insertBefore(chips, input);
  box.append(datalist);
  return {
    element: box,
    set(list) { values = [...list]; draw(); },
    // Text still in the box counts too: nobody should lose a tag for not pressing Enter.
    get() { if (input.value.trim()) add(input.value); return [...values]; },
  };
}
