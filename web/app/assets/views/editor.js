// What the run and mood screens share: the form to create or edit one (create retried with one
// Idempotency-Key; edit as PATCH with If-Match, and on 412 the newer version side by side with
// the user's own, to choose), delete after a confirmation, and a list paged by nextCursor.

import { ApiError, NetworkError, newKey } from '../api.js';
import { clearErrors, formAlert, h, showErrors, toast } from '../ui.js';

/**
 * spec: { noun, listRoute, createPath, itemPath(id), fields(values) → {elements, read(): body|Error},
 *         summary(resource) → [[label, text]], title(resource) }
 */
export async function renderEditor(app, id, spec) {
  let current = null;
  let etag = null;
  if (id) {
    const loaded = await app.api.get(spec.itemPath(id));
    current = loaded.data;
    etag = loaded.etag;
  }
  const fields = spec.fields(current);
  const alert = formAlert();
  const conflict = h('div.conflict', { hidden: true, role: 'region', 'aria-label': 'Changed elsewhere' });
  const save = h('button.button.primary', { type: 'submit', text: id ? 'Save changes' : `Save ${spec.noun}` });
  const status = h('p.status.muted', { 'aria-live': 'polite' });
  const form = h('form.card.editor', { novalidate: true },
    h('h1', { text: id ? `Edit ${spec.noun}` : spec.newTitle }),
    alert, conflict, ...fields.elements,
    h('div.actions', {}, save,
      h('a.button.ghost', { href: spec.listRoute, text: 'Cancel' }),
      id ? deleteControl(app, spec, id, () => etag) : null),
    status);
  let pending = null; // {json, key}: a create that may have reached the server keeps its key

  async function submit(overrideEtag) {
    clearErrors(form);
    const body = fields.read();
    if (body instanceof ApiError) { showErrors(form, body); return; }
    save.disabled = true;
    status.textContent = 'Saving…';
    try {
      if (id) {
        const { data, etag: next } = await app.api.patch(spec.itemPath(id), body, overrideEtag || etag);
        current = data;
        etag = next;
      } else {
        const json = JSON.stringify(body);
        if (!pending || pending.json !== json) pending = { json, key: newKey() };
        await app.api.create(spec.createPath, body, pending.key,
          attempt => { status.textContent = `No answer yet; trying again (${attempt})…`; });
        pending = null;
      }
      spec.saved?.();
      toast(id ? `${spec.Noun} saved.` : `${spec.Noun} logged.`);
      app.go(spec.listRoute);
    } catch (error) {
      status.textContent = '';
      if (error instanceof ApiError && error.status === 412) {
        await showConflict(body);
      } else if (error instanceof NetworkError || (error instanceof ApiError && error.status === 503)) {
        showErrors(form, { message: `Not saved: ${error instanceof NetworkError ? 'the server could not be reached' : 'the server is busy'}. `
          + 'Your entry is still here; press Save again to retry (it will not be stored twice).' });
      } else {
        showErrors(form, error);
      }
    } finally {
      save.disabled = false;
    }
  }

  /** Someone saved a newer version: show it beside the user's own and let them choose. */
  async function showConflict(mine) {
    const { data: theirs, etag: theirEtag } = await app.api.get(spec.itemPath(id));
    const rows = spec.summary(theirs).map(([label, text], i) => {
      const myText = spec.summary({ ...theirs, ...mine })[i][1];
      return h('tr', { class: myText !== text ? 'differs' : '' },
        h('th', { scope: 'row', text: label }), h('td', { text: myText || '—' }), h('td', { text: text || '—' }));
    });
    conflict.replaceChildren(
      h('h2', { text: `This ${spec.noun} was changed elsewhere` }),
      h('p', { text: 'Someone (perhaps you, in another window) saved a newer version after you opened it. Choose which to keep.' }),
      h('div.table-wrap', {}, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '' }), h('th', { scope: 'col', text: 'Your changes' }), h('th', { scope: 'col', text: 'Saved version' }))),
        h('tbody', {}, rows))),
      h('div.actions', {},
        h('button.button.primary', { type: 'button', text: 'Keep my changes', onclick: () => { conflict.hidden = true; etag = theirEtag; submit(theirEtag); } }),
        h('button.button', { type: 'button', text: 'Use the saved version', onclick: () => {
          current = theirs;
          etag = theirEtag;
          fields.fill(theirs);
          conflict.hidden = true;
          toast(`Showing the saved version of this ${spec.noun}.`);
        } })));
    conflict.hidden = false;
    conflict.querySelector('h2').tabIndex = -1;
    conflict.querySelector('h2').focus();
  }

  form.addEventListener('submit', e => { e.preventDefault(); submit(); });
  app.show(h('section.narrow', {}, h('p.back', {}, h('a', { href: spec.listRoute, text: `← All ${spec.noun}s` })), form));
  fields.focus?.();
}

function deleteControl(app, spec, id, etag) {
  const box = h('div.delete-box');
  const ask = h('button.button.danger.ghost', { type: 'button', text: 'Delete…' });
  ask.addEventListener('click', () => {
    const confirm = h('button.button.danger', { type: 'button', text: `Delete this ${spec.noun}` });
    const keep = h('button.button.ghost', { type: 'button', text: 'Keep it' });
    const question = h('div.confirm', { role: 'alertdialog', 'aria-label': `Delete this ${spec.noun}?` },
      h('p', { text: `Delete this ${spec.noun} for good?` }), confirm, keep);
    keep.addEventListener('click', () => { question.replaceWith(ask); ask.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await app.api.delete(spec.itemPath(id), etag());
        spec.saved?.();
        toast(`${spec.Noun} deleted.`);
        app.go(spec.listRoute);
      } catch (error) {
        confirm.disabled = false;
        const form = box.closest('form');
        showErrors(form, error.status === 412
          ? { message: `This ${spec.noun} was changed elsewhere; reload it before deleting.` } : error);
      }
    });
    ask.replaceWith(question);
    confirm.focus();
  });
  box.append(ask);
  return box;
}

/**
 * A list paged by the API's cursors: the first page, then "Show more" until nextCursor is null.
 * filters() gives the query; item(resource) draws one entry.
 */
export function pagedList(app, path, filters, item, emptyText) {
  const list = h('ul.list', { 'aria-live': 'polite' });
  const more = h('button.button.wide', { type: 'button', text: 'Show more', hidden: true });
  const empty = h('p.empty.muted', { text: emptyText, hidden: true });
  const count = h('p.count.muted', { 'aria-live': 'polite' });
  let cursor = null;
  let generation = 0;

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    more.disabled = true;
    const query = { ...filters(), limit: 20, cursor: reset ? undefined : cursor };
    try {
      const { data } = await app.api.get(path, query);
      if (mine !== generation) return;
      if (reset) list.replaceChildren();
      list.append(...data.items.map(item));
      cursor = data.nextCursor;
      more.hidden = !cursor;
      empty.hidden = list.children.length > 0;
      count.textContent = list.children.length ? `${list.children.length} shown${cursor ? ', more below' : ''}` : '';
    } catch (error) {
      if (mine === generation) {
        count.textContent = '';
        empty.hidden = false;
        empty.textContent = error.message;
      }
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => load(false));
  return { element: h('div.paged', {}, count, list, empty, more), reload: () => load(true) };
}

/** A date-range (and optional tag) filter bar that calls onChange with the new query. */
export function filterBar(onChange, tagSuggestions) {
  const from = h('input', { type: 'date', name: 'from', id: 'filter-from' });
  const to = h('input', { type: 'date', name: 'to', id: 'filter-to' });
  const parts = [
    h('div.field.inline', {}, h('label', { for: 'filter-from', text: 'From' }), from),
    h('div.field.inline', {}, h('label', { for: 'filter-to', text: 'To' }), to),
  ];
  let tag = null;
  if (tagSuggestions) {
    tag = h('input', { name: 'tag', id: 'filter-tag', list: 'filter-tags', autocomplete: 'off', maxlength: '30', placeholder: 'any' });
    const datalist = h('datalist', { id: 'filter-tags' });
    tagSuggestions.then(tags => datalist.replaceChildren(...tags.map(t => h('option', { value: t }))));
    parts.push(h('div.field.inline', {}, h('label', { for: 'filter-tag', text: 'Tag' }), tag, datalist));
  }
  const error = h('p.field-error', { hidden: true, role: 'alert' });
  const form = h('form.filters', { role: 'search', 'aria-label': 'Filter' }, ...parts,
    h('div.filter-actions', {},
      h('button.button', { type: 'submit', text: 'Filter' }),
      h('button.button.ghost', { type: 'reset', text: 'Clear' })),
    error);
  const query = () => ({ from: from.value, to: to.value, tag: tag ? tag.value.trim() : undefined });
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (from.value && to.value && from.value > to.value) {
      error.textContent = '"From" must be on or before "To".';
      error.hidden = false;
      return;
    }
    error.hidden = true;
    onChange();
  });
  form.addEventListener('reset', () => setTimeout(onChange));
  return { element: form, query };
}
