// Small helpers shared by the screens: building DOM without innerHTML (user text is never
// parsed as HTML), units, dates, durations, and showing an API error next to its field.

/** h('p.muted', {text: 'x'}, child, …): an element with classes, attributes and children. */
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const KM_PER_MILE = 1.609344;

/** The distance unit the user chose for display (km or mi), remembered in this browser. */
export function preferredUnit() {
  return localStorage.getItem('stride.unit') === 'mi' ? 'mi' : 'km';
}

export function setPreferredUnit(unit) {
  localStorage.setItem('stride.unit', unit === 'mi' ? 'mi' : 'km');
}

export function distance(km, unit = preferredUnit(), digits = 2) {
  if (km === null || km === undefined) return '—';
  const value = unit === 'mi' ? km / KM_PER_MILE : km;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Seconds per km as m:ss per km or per mile. */
export function pace(secondsPerKm, unit = preferredUnit()) {
  if (secondsPerKm === null || secondsPerKm === undefined) return '—';
  const seconds = Math.round(unit === 'mi' ? secondsPerKm * KM_PER_MILE : secondsPerKm);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} /${unit}`;
}

export function paceMinutes(secondsPerKm, unit = preferredUnit()) {
  return (unit === 'mi' ? secondsPerKm * KM_PER_MILE : secondsPerKm) / 60;
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "h:mm:ss", "mm:ss" or minutes → seconds; '' → null; anything else → NaN. */
export function parseDuration(text) {
  const t = text.trim();
  if (!t) return null;
  if (!/^\d+(:\d{1,2}){0,2}$/.test(t)) return NaN;
  const parts = t.split(':').map(Number);
  if (parts.slice(1).some(p => p > 59)) return NaN;
  if (parts.length === 1) return parts[0] * 60;
  if (parts.length === 2) return parts[0] * 60 + parts[1];
  return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export function shortDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** A labelled form field: label, control, hint and the place for its error. */
export function field(label, control, hint) {
  const id = control.id || (control.id = 'f-' + (control.name || Math.random().toString(36).slice(2)) + '-' + (++fieldCount));
  const error = h('p.field-error', { id: id + '-error', hidden: true });
  const described = [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  return h('div.field', { 'data-field': control.name || '' },
    h('label', { for: id, text: label }),
    control,
    hint ? h('p.hint', { id: id + '-hint', text: hint }) : null,
    error);
}
let fieldCount = 0;

/** Shows each of the API's field errors next to its field; the rest in the form's alert. */
export function showErrors(form, error) {
  clearErrors(form);
  const fields = error.fields || {};
  let first = null;
  const unplaced = [];
  for (const [name, message] of Object.entries(fields)) {
    const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!box) { unplaced.push(`${name}: ${message}`); continue; }
    const control = box.querySelector('input, select, textarea');
    const slot = box.querySelector('.field-error');
    slot.textContent = message;
    slot.hidden = false;
    if (control) control.setAttribute('aria-invalid', 'true');
    first = first || control;
  }
  const alert = form.querySelector('.form-alert');
  const placed = Object.keys(fields).length - unplaced.length;
  if (alert && (placed === 0 || unplaced.length)) {
    alert.textContent = unplaced.length ? `${error.message} (${unplaced.join('; ')})` : error.message;
    alert.hidden = false;
  }
  (first || alert)?.focus?.();
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => { e.hidden = true; e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const alert = form.querySelector('.form-alert');
  if (alert) { alert.hidden = true; alert.textContent = ''; }
}

export function formAlert() {
  return h('p.form-alert', { role: 'alert', tabindex: '-1', hidden: true });
}

let toastTimer;
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), 4000);
}
