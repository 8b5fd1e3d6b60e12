import { ApiError, errorFromResponse } from './api-error.js';

const CSRF_COOKIE = 'seamless_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** Fired on `window` when the server says the session is gone, so the shell returns to log-in. */
export const UNAUTHORIZED_EVENT = 'seamless:unauthorized';

// The login answer carries the CSRF token too; kept as a fallback when the cookie is not readable.
let csrfFallback: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfFallback = token;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Extra request options: more headers (Idempotency-Key, X-Reporter-Token), no CSRF header. */
export interface RequestOptions {
  headers?: Record<string, string>;
  /** Public portal routes (`/public/**`) take no CSRF token. */
  noCsrf?: boolean;
}

/**
 * Calls the Seamless API: JSON in and out, cookies sent, the CSRF header on every non-GET
 * request. Error answers become thrown `ApiError`s; 204 resolves to undefined.
 */
export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && !options.noCsrf) {
    const csrf = readCookie(CSRF_COOKIE) ?? csrfFallback;
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && !path.endsWith('/auth/login') && !path.startsWith('/public/')) {
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  delete: (path: string) => request<void>('DELETE', path),
};
