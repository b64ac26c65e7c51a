// Signing in (a form on the local server, Cognito's hosted page in the cloud) and creating the
// profile the first time.

import { newKey } from '../api.js';
import { clearErrors, field, formAlert, h, showErrors } from '../ui.js';

export function renderSignIn(app, problem) {
  const alert = formAlert();
  if (problem) { alert.textContent = problem; alert.hidden = false; }
  const intro = h('div.hero', {},
    h('h1', { text: 'Your runs and moods, week by week' }),
    h('p.lead', { text: 'Log a run in seconds, note how you feel, and watch distance, pace and mood move together.' }));

  if (app.auth.kind === 'cognito') {
    app.show(h('section.signin', {}, intro, h('div.card', {},
      h('h2', { text: 'Sign in' }),
      alert,
      h('button.button.primary.wide', { type: 'button', text: 'Sign in with your Stride account', onclick: () => app.auth.signIn() }))));
    return;
  }

  const sub = h('input', { name: 'sub', autocomplete: 'username', required: true, maxlength: '128', value: localStorage.getItem('stride.lastSub') || '', spellcheck: 'false' });
  const admin = h('input', { type: 'checkbox', name: 'admin' });
  const form = h('form.card', { novalidate: true },
    h('h2', { text: 'Sign in' }),
    h('p.muted', { text: 'Local server: pick any user name. The server mints a token for it, as Cognito does in the cloud.' }),
    alert,
    field('User name', sub),
    h('label.check', {}, admin, ' Administrator (sees everyone)'),
    h('button.button.primary.wide', { type: 'submit', text: 'Sign in' }));
  const demo = h('div.demo-users', { hidden: true });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    const name = sub.value.trim();
    if (!name) { showErrors(form, { message: 'Enter a user name.', fields: { sub: 'Enter a user name.' } }); return; }
    await signInAs(app, form, name, admin.checked ? ['admin'] : []);
  });
  app.show(h('section.signin', {}, intro, form, demo));
  app.auth.demoUsers().then(users => {
    if (!users.length) return;
    demo.replaceChildren(h('h2', { text: 'Demo users' }),
      h('ul.chips', {}, users.map(u => h('li', {}, h('button.chip-button', {
        type: 'button', text: u.username || u.sub, 'aria-label': `Sign in as ${u.username || u.sub}`,
        onclick: () => signInAs(app, form, u.sub, u.groups || []),
      })))));
    demo.hidden = false;
  });
}

async function signInAs(app, form, sub, groups) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    await app.auth.signIn(sub, groups);
    localStorage.setItem('stride.lastSub', sub);
    await app.signedIn();
  } catch (e) {
    showErrors(form, { message: e.message, fields: { sub: e.message } });
  } finally {
    button.disabled = false;
  }
}

export function renderWelcome(app) {
  const username = h('input', { name: 'username', autocomplete: 'nickname', maxlength: '80', required: true, value: app.auth.sub || '' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', maxlength: '120', required: true });
  const form = h('form.card', { novalidate: true },
    h('h1', { text: 'Welcome to Stride' }),
    h('p.muted', { text: 'One last step: how should we call you?' }),
    formAlert(),
    field('Name', username),
    field('Email', email, 'Only used to tell accounts apart; never shown to anyone else.'),
    h('div.actions', {},
      h('button.button.primary', { type: 'submit', text: 'Create my profile' }),
      h('button.button.ghost', { type: 'button', text: 'Sign out', onclick: () => app.signOut() })));
  let pending = null;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    const body = { username: username.value.trim(), email: email.value.trim() };
    const json = JSON.stringify(body);
    if (!pending || pending.json !== json) pending = { json, key: newKey() };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await app.api.create('/users', body, pending.key);
      await app.signedIn();
    } catch (error) {
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
  app.show(h('section.narrow', {}, form));
}
