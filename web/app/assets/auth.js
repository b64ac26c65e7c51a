// Signing in. Tokens live in this page's memory only (never in storage): a reload signs in again,
// which the local server's form or Cognito's session cookie makes a one-click affair.
// Either way the token is renewed a few minutes before it expires.

const RENEW_BEFORE_MS = 5 * 60 * 1000;

export function createAuth(config) {
  return config.auth === 'cognito' ? new CognitoAuth(config) : new LocalAuth(config);
}

/** The claims of a JWT (not verified: the API does that). */
export function claims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

class Session {
  constructor() {
    this.jwt = null;
    this.expiresAt = 0;
    this.sub = null;
    this.renewal = null;
  }

  set(jwt) {
    const c = claims(jwt);
    this.jwt = jwt;
    this.sub = c.sub;
    this.admin = [].concat(c['cognito:groups'] || []).includes('admin');
    this.expiresAt = (c.exp || 0) * 1000;
    clearTimeout(this.renewal);
    const wait = Math.max(this.expiresAt - Date.now() - RENEW_BEFORE_MS, 10_000);
    this.renewal = setTimeout(() => this.renew().catch(() => {}), wait);
  }

  clear() {
    clearTimeout(this.renewal);
    this.jwt = null;
    this.sub = null;
    this.expiresAt = 0;
  }

  get signedIn() { return this.jwt !== null; }

  /** The token to send, renewed first when it is about to expire. */
  async token() {
    if (this.jwt && Date.now() > this.expiresAt - RENEW_BEFORE_MS) {
      try { await this.renew(); } catch { /* the API's 401 will send the user to sign in */ }
    }
    return this.jwt;
  }
}

/** The local server: a form that mints a token through POST /_local/token (same origin). */
class LocalAuth extends Session {
  constructor(config) {
    super();
    this.kind = 'local';
    this.groups = [];
  }

  async restore() { return false; }

  /** The users `--demo` created, when the local server lists them (else none). */
  async demoUsers() {
    try {
      const response = await fetch('/_local/demo-users', { headers: { Accept: 'application/json' } });
      if (!response.ok) return [];
      const body = await response.json();
      return Array.isArray(body.users) ? body.users : [];
    } catch {
      return [];
    }
  }

  async signIn(sub, groups = []) {
    const response = await fetch('/_local/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ sub, groups }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const fieldError = (body.errors || []).find(e => e.field === 'sub');
      throw new Error(fieldError ? fieldError.message : body.detail || `the local server refused (${response.status})`);
    }
    this.groups = groups;
    this.set(body.token);
  }

  async renew() {
    if (this.sub) await this.signIn(this.sub, this.groups);
  }

  signOut() { this.clear(); }
}

/** Cognito's hosted sign-in: authorization code with PKCE, a public client (no secret). */
class CognitoAuth extends Session {
  constructor(config) {
    super();
    this.kind = 'cognito';
    this.config = config;
    this.refreshToken = null;
    this.redirectUri = config.redirectUri || location.origin + '/';
  }

  async signIn() {
    const verifier = randomString(64);
    const state = randomString(24);
    sessionStorage.setItem('stride.pkce', JSON.stringify({ verifier, state }));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const url = new URL(this.config.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: this.config.clientId, redirect_uri: this.redirectUri,
      scope: this.config.scopes || 'openid email', state, code_challenge: challenge, code_challenge_method: 'S256',
    });
    location.assign(url);
  }

  /** Back from the hosted UI with ?code=…&state=…: trade the code for tokens. */
  async restore() {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) return false;
    const saved = JSON.parse(sessionStorage.getItem('stride.pkce') || '{}');
    sessionStorage.removeItem('stride.pkce');
    history.replaceState(null, '', location.pathname + location.hash);
    if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
    if (!saved.state || saved.state !== params.get('state')) throw new Error('The sign-in answer did not match this page; please sign in again.');
    await this.tokenRequest({
      grant_type: 'authorization_code', client_id: this.config.clientId, code: params.get('code'),
      redirect_uri: this.redirectUri, code_verifier: saved.verifier,
    });
    return true;
  }

  async renew() {
    if (!this.refreshToken) throw new Error('no refresh token');
    await this.tokenRequest({ grant_type: 'refresh_token', client_id: this.config.clientId, refresh_token: this.refreshToken });
  }

  async tokenRequest(form) {
    const response = await fetch(this.config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error_description || body.error || `sign-in failed (${response.status})`);
    if (body.refresh_token) this.refreshToken = body.refresh_token;
    // The access token: its client_id is an audience the API's JWT authorizer accepts.
    this.set(body.access_token);
  }

  signOut() {
    this.clear();
    this.refreshToken = null;
    const url = new URL(this.config.logoutUrl);
    url.search = new URLSearchParams({ client_id: this.config.clientId, logout_uri: this.redirectUri });
    location.assign(url);
  }
}

function randomString(length) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), b => alphabet[b % alphabet.length]).join('');
}

function base64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
