/** Limits of one fetch. */
export interface FetchOptions {
  /** Whole request, body included. Default 10 s. */
  readonly timeoutMs: number;
  /** Larger responses are refused. Default 2 MB. */
  readonly maxBytes: number;
  /** Injected for tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 };

/** Validators from the previous fetch, for a conditional GET. */
export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchResult =
  | { readonly status: 'not-modified' }
  | { readonly status: 'ok'; readonly text: string; readonly etag: string | null; readonly lastModified: string | null };

/** A fetch that failed: HTTP error, timeout, too large, network. The message goes to last_error. */
export class FetchFailure extends Error {}

/**
 * GETs a feed with a conditional request, a deadline covering the body, and a size cap; the
 * body is decoded by the charset the response or the XML declaration names (GBK feeds exist).
 */
export async function fetchFeed(url: string, validators: Validators, options: FetchOptions = DEFAULT_FETCH_OPTIONS): Promise<FetchResult> {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/cap+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'user-agent': 'Seamless-monitoring/1 (+https://github.com/seamless)',
  };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await doFetch(url, { headers, signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchFailure(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const bytes = await readCapped(response, options.maxBytes);
    return {
      status: 'ok',
      text: decode(bytes, response.headers.get('content-type')),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    if (signal.aborted) throw new FetchFailure(`timed out after ${options.timeoutMs} ms`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new FetchFailure(`${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchFailure(`response of ${declared} bytes is larger than the ${maxBytes}-byte cap`);
  }
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchFailure(`response is larger than the ${maxBytes}-byte cap`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
