// The moods: a list (newest first, filtered by dates, paged) and the form to note or edit one.

import { ApiError } from '../api.js';
import { field, h, longDate, today } from '../ui.js';
import { filterBar, pagedList, renderEditor } from './editor.js';

export const LEVELS = [
  ['positivity', 'Positivity'],
  ['stress', 'Stress'],
  ['energy', 'Energy'],
  ['calmness', 'Calmness'],
  ['motivation', 'Motivation'],
];

export function renderMoods(app) {
  const filters = filterBar(() => paged.reload());
  const paged = pagedList(app, '/users/me/moods', filters.query, moodItem, 'No moods noted yet. How do you feel today?');
  app.show(h('section', {},
    h('div.page-head', {},
      h('h1', { text: 'Moods' }),
      h('a.button.primary', { href: '#/moods/new', text: '+ Note a mood' })),
    filters.element,
    paged.element));
  return paged.reload();
}

function moodItem(mood) {
  const levels = LEVELS.filter(([key]) => mood[key] !== null && mood[key] !== undefined);
  return h('li', {}, h('a.item', { href: `#/moods/${mood.id}`, 'aria-label': `${mood.description}, ${longDate(mood.date)}` },
    h('div.item-main', {},
      h('span.item-title', { text: mood.description }),
      h('span.item-sub.muted', { text: longDate(mood.date) }),
      mood.note ? h('span.item-note', { text: mood.note }) : null),
    h('div.levels', {}, levels.map(([key, label]) =>
      h('span.level', { class: `level lv-${key}`, title: `${label}: ${mood[key]} of 5` },
        h('span.level-name', { text: label.slice(0, 3) }), ` ${mood[key]}`)))));
}

export function renderMoodEditor(app, id) {
  return renderEditor(app, id, {
    noun: 'mood', Noun: 'Mood', newTitle: 'How do you feel?', listRoute: '#/moods',
    createPath: '/users/me/moods', itemPath: moodId => `/moods/${moodId}`,
    fields: moodFields,
    summary: mood => [
      ['Description', mood.description],
      ['Date', mood.date],
      ...LEVELS.map(([key, label]) => [label, mood[key] === null || mood[key] === undefined ? '' : String(mood[key])]),
      ['Note', mood.note || ''],
    ],
  });
}

function moodFields(mood) {
  const description = h('input', { name: 'description', maxlength: '100', required: true, placeholder: 'Happy, calm, restless…' });
  const date = h('input', { name: 'date', type: 'date', required: true });
  const note = h('textarea', { name: 'note', rows: '3', maxlength: '2000' });
  const scales = LEVELS.map(([key, label]) => scale(key, label));

  function fill(m) {
    description.value = m?.description || '';
    date.value = m ? m.date : today();
    note.value = m?.note || '';
    scales.forEach(s => s.set(m ? m[s.key] : null));
  }
  fill(mood);

  return {
    elements: [
      h('div.row', {}, field('Description', description), field('Date', date)),
      h('div.scales', {}, scales.map(s => s.element)),
      field('Note', note),
    ],
    fill,
    focus: () => description.focus(),
    read() {
      if (!description.value.trim()) {
        return new ApiError(400, { detail: 'Please check the highlighted fields.', errors: [{ field: 'description', message: 'say in a word or two how you feel' }] });
      }
      const body = { description: description.value.trim(), date: date.value || today(), note: note.value.trim() || null };
      scales.forEach(s => { body[s.key] = s.get(); });
      return body;
    },
  };
}

/** A 1–5 level as a row of radio buttons, with "not set" first (all levels are optional). */
function scale(key, label) {
  const name = `level-${key}`;
  const options = [['', '–', 'not set'], ...[1, 2, 3, 4, 5].map(n => [String(n), String(n), `${n} of 5`])];
  const inputs = options.map(([value, text, spoken]) => {
    const id = `${name}-${value || 'none'}`;
    const input = h('input', { type: 'radio', name, id, value });
    return { input, element: h('span.seg', {}, input, h('label', { for: id, text, 'aria-label': `${label} ${spoken}` })) };
  });
  const element = h('fieldset.scale', { 'data-field': key },
    h('legend', { text: label }),
    h('div.segments', {}, inputs.map(i => i.element)),
    h('p.field-error', { hidden: true }));
  return {
    key,
    element,
    set(v) { inputs.forEach(i => { i.input.checked = i.input.value === (v === null || v === undefined ? '' : String(v)); }); },
    get() {
      const checked = inputs.find(i => i.input.checked);
      return checked && checked.input.value ? Number(checked.input.value) : null;
    },
  };
}
