// The Stride API as the app uses it: JSON in and out, problem+json errors as ApiError, ETags
// kept with what they came with, and creates that survive a lost answer (same Idempotency-Key).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || problem.message || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    // {field: message}: "tags[2]" belongs to the tags field of a form.
    this.fields = {};
    for (const e of problem.errors || []) {
      const field = String(e.field || '').replace(/\[\d+\]$/, '');
      this.fields[field] = this.fields[field] ? `${this.fields[field]}; ${e.message}` : e.message;
    }
  }
}

/** The request never got an answer (offline, connection dropped). */
export class NetworkError extends Error {
  constructor(cause) {
    super('No answer from the server: check your connection.');
    this.cause = cause;
  }
}

const RETRY_DELAYS_MS = [400, 1200, 2500];

export class Api {
  /** @param base the API's URL ('' for the same origin); @param token () => Promise<string|null> */
  constructor(base, token, onUnauthorized) {
    this.base = base.replace(/\/$/, '');
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  async request(method, path, { body, headers = {}, query } = {}) {
    const url = new URL(this.base + path, location.href);
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
    }
    const token = await this.token();
    const init = { method, headers: { Accept: 'application/json', ...headers } };
    if (token) init.headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new NetworkError(e);
    }
    const etag = response.headers.get('ETag');
    if (response.status === 204 || response.status === 304) return { status: response.status, etag, data: null };
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
    if (!response.ok) {
      if (response.status === 401 && this.onUnauthorized) this.onUnauthorized();
      const error = new ApiError(response.status, data || {});
      error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
      throw error;
    }
    return { status: response.status, etag, data };
  }

  get(path, query) { return this.request('GET', path, { query }); }

  /** PATCH with If-Match when the version is known: a 412 means someone else changed it. */
  patch(path, body, etag) {
    return this.request('PATCH', path, { body, headers: etag ? { 'If-Match': etag } : {} });
  }

  delete(path, etag) {
    return this.request('DELETE', path, { headers: etag ? { 'If-Match': etag } : {} });
  }

  /**
   * POST that may be repeated safely: one Idempotency-Key for every attempt, retried on a lost
   * answer or a 503. `key` comes from the caller so that a later "try again" reuses it too.
   */
  async create(path, body, key, onRetry) {
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request('POST', path, { body: payload, headers: { 'Idempotency-Key': key } });
      } catch (e) {
        const retryable = e instanceof NetworkError || (e instanceof ApiError && (e.status === 503
          || (e.status === 409 && String(e.problem.type || '').includes('idempotency'))));
        if (!retryable || attempt >= RETRY_DELAYS_MS.length) throw e;
        const wait = e.retryAfter ? Math.min(e.retryAfter * 1000, 5000) : RETRY_DELAYS_MS[attempt];
        if (onRetry) onRetry(attempt + 1, wait);
        await new Promise(resolve => setTimeout(resolve, wait));
      }
    }
  }

  /** Every page of a list, up to `max` items (for charts and suggestions). */
  async all(path, query, max = 500) {
    const items = [];
    let cursor;
    do {
      const { data } = await this.get(path, { ...query, limit: 100, cursor });
      items.push(...data.items);
      cursor = data.nextCursor;
    } while (cursor && items.length < max);
    return items;
  }
}

/** A fresh Idempotency-Key (visible ASCII, as the API asks). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
