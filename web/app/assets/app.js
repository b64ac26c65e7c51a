// Stride in the browser: loads config.json, signs in, then routes between the screens by the
// URL's hash (#/runs, #/runs/12, …), so any static host can serve it and links can be shared.

import { Api, ApiError } from './api.js';
import { createAuth } from './auth.js';
import { h, toast } from './ui.js';
import { renderSignIn, renderWelcome } from './views/signin.js';
import { renderDashboard } from './views/dashboard.js';
import { renderRuns, renderRunEditor } from './views/runs.js';
import { renderMoods, renderMoodEditor } from './views/moods.js';
import { renderProfile } from './views/profile.js';

const main = document.getElementById('main');
const tabs = document.getElementById('tabs');

const app = {
  config: null,
  auth: null,
  api: null,
  user: null,
  userEtag: null,
  tagCache: null,

  /** Replaces the screen; focus moves to its heading for keyboard and screen-reader users. */
  show(...children) {
    main.replaceChildren(...children);
    main.removeAttribute('aria-busy');
    const heading = main.querySelector('h1');
    if (heading && app.rendered) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
    if (!app.rendered) {
      app.rendered = true;
      performance.mark('stride:first-screen');
    }
  },

  go(route) {
    if (location.hash === route) route_(); else location.hash = route;
  },

  /** The tags the user has used, for suggestions (loaded once, dropped when runs change). */
  async tags() {
    if (!app.tagCache) {
      app.tagCache = app.api.all('/users/me/runs', {}, 300).then(runs => {
        const counts = new Map();
        runs.flatMap(r => r.tags).forEach(t => counts.set(t, (counts.get(t) || 0) + 1));
        return [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
      }).catch(() => []);
    }
    return app.tagCache;
  },

  runsChanged() { app.tagCache = null; },

  async loadProfile() {
    try {
      const { data, etag } = await app.api.get('/users/me');
      app.user = data;
      app.userEtag = etag;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { app.user = null; return; }
      throw e;
    }
  },

  async signedIn() {
    await app.loadProfile();
    if (!app.user) {
      tabs.hidden = true;
      renderWelcome(app);
      return;
    }
    tabs.hidden = false;
    if (!location.hash || location.hash === '#/' || location.hash === '#/signin') app.go('#/dashboard');
    else route_();
  },

  signOut(message) {
    app.user = null;
    app.tagCache = null;
    tabs.hidden = true;
    if (!message) {
      app.auth.signOut(); // with Cognito: on to its logout page, which comes back here
      if (app.auth.kind === 'cognito') return;
    } else {
      app.auth.clear();
    }
    history.replaceState(null, '', location.pathname + '#/signin');
    renderSignIn(app);
    if (message) toast(message);
  },

  fail(error) {
    app.show(h('section.card', {},
      h('h1', { text: 'Something went wrong' }),
      h('p', { text: error.message }),
      h('p', {}, h('button.button', { type: 'button', text: 'Try again', onclick: () => route_() }))));
  },
};

const routes = [
  [/^#\/dashboard$/, () => renderDashboard(app), 'dashboard'],
  [/^#\/runs$/, () => renderRuns(app), 'runs'],
  [/^#\/runs\/new$/, () => renderRunEditor(app, null), 'runs'],
  [/^#\/runs\/(\d+)$/, m => renderRunEditor(app, m[1]), 'runs'],
  [/^#\/moods$/, () => renderMoods(app), 'moods'],
  [/^#\/moods\/new$/, () => renderMoodEditor(app, null), 'moods'],
  [/^#\/moods\/(\d+)$/, m => renderMoodEditor(app, m[1]), 'moods'],
  [/^#\/profile$/, () => renderProfile(app), 'profile'],
];

function route_() {
  if (!app.auth.signedIn) { renderSignIn(app); return; }
  if (!app.user) { renderWelcome(app); return; }
  const hash = location.hash || '#/dashboard';
  for (const [pattern, render, tab] of routes) {
    const match = hash.match(pattern);
    if (match) {
      tabs.querySelectorAll('a').forEach(a => a.toggleAttribute('aria-current', a.dataset.tab === tab));
      Promise.resolve(render(match)).catch(e => app.fail(e));
      return;
    }
  }
  app.go('#/dashboard');
}

async function start() {
  try {
    const response = await fetch('config.json', { cache: 'no-cache' });
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    app.config = await response.json();
  } catch (e) {
    app.fail(new Error(`Stride could not read its configuration (${e.message}).`));
    return;
  }
  app.auth = createAuth(app.config);
  app.api = new Api(app.config.apiUrl || '', () => app.auth.token(),
    () => app.signOut('Your session ended; please sign in again.'));
  window.addEventListener('hashchange', route_);
  try {
    if (await app.auth.restore()) {
      await app.signedIn();
      return;
    }
  } catch (e) {
    renderSignIn(app, e.message);
    return;
  }
  renderSignIn(app);
}

start();
