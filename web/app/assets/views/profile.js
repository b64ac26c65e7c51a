// The profile: change name and email (PATCH with If-Match), the distance unit, signing out, and
// deleting the account with everything in it after typing its name.

import { ApiError } from '../api.js';
import { clearErrors, field, formAlert, h, preferredUnit, setPreferredUnit, showErrors, toast } from '../ui.js';

export function renderProfile(app) {
  const username = h('input', { name: 'username', maxlength: '80', required: true, autocomplete: 'nickname', value: app.user.username });
  const email = h('input', { name: 'email', type: 'email', maxlength: '120', required: true, autocomplete: 'email', value: app.user.email });
  const save = h('button.button.primary', { type: 'submit', text: 'Save profile' });
  const form = h('form.card', { novalidate: true },
    h('h2', { text: 'Your details' }),
    formAlert(),
    field('Name', username),
    field('Email', email),
    h('div.actions', {}, save));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    save.disabled = true;
    try {
      const { data, etag } = await app.api.patch('/users/me', { username: username.value.trim(), email: email.value.trim() }, app.userEtag);
      app.user = data;
      app.userEtag = etag;
      toast('Profile saved.');
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await app.loadProfile();
        username.value = app.user.username;
        email.value = app.user.email;
        showErrors(form, { message: 'Your profile was changed elsewhere; the saved version is shown now. Change it again if you wish.' });
      } else {
        showErrors(form, error);
      }
    } finally {
      save.disabled = false;
    }
  });

  const units = h('div.segmented', { role: 'group', 'aria-label': 'Distance unit' });
  const drawUnits = () => units.replaceChildren(...['km', 'mi'].map(u => h('button', {
    type: 'button', text: u === 'km' ? 'Kilometres' : 'Miles', 'aria-pressed': String(preferredUnit() === u),
    onclick: () => { setPreferredUnit(u); drawUnits(); toast(`Distances and paces now in ${u === 'km' ? 'kilometres' : 'miles'}.`); },
  })));
  drawUnits();

  app.show(h('section.narrow', {},
    h('h1', { text: 'Profile' }),
    form,
    h('div.card', {}, h('h2', { text: 'Units' }), h('p.muted', { text: 'How distances and paces are shown (each run keeps the unit it was logged in).' }), units),
    h('div.card', {}, h('h2', { text: 'Session' }),
      h('p.muted', { text: `Signed in as ${app.auth.sub}${app.auth.admin ? ' (administrator)' : ''}.` }),
      h('button.button', { type: 'button', text: 'Sign out', onclick: () => app.signOut() })),
    deleteAccount(app)));
}

function deleteAccount(app) {
  const confirm = h('input', { name: 'confirm', autocomplete: 'off', spellcheck: 'false' });
  const button = h('button.button.danger', { type: 'submit', text: 'Delete my account', disabled: true });
  const form = h('form.card.danger-zone', { novalidate: true },
    h('h2', { text: 'Delete account' }),
    h('p', { text: 'This deletes your profile with every run and mood in it. It cannot be undone.' }),
    formAlert(),
    field(`Type your name, ${app.user.username}, to confirm`, confirm),
    h('div.actions', {}, button));
  confirm.addEventListener('input', () => { button.disabled = confirm.value !== app.user.username; });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (confirm.value !== app.user.username) return;
    button.disabled = true;
    try {
      await app.api.delete('/users/me', app.userEtag);
      app.signOut('Your account and all its runs and moods were deleted.');
    } catch (error) {
      button.disabled = false;
      showErrors(form, error.status === 412 ? { message: 'Your profile was changed elsewhere; reload the page and try again.' } : error);
    }
  });
  return form;
}
