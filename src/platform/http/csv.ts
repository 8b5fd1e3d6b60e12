import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
}

/** RFC 4180 quoting; formulas are prefixed with ' so spreadsheets do not execute them. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** True when the client asked for CSV (Accept: text/csv) or ?format=csv. */
export function wantsCsv(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.format === 'csv') return true;
  return (request.headers.accept ?? '').includes('text/csv');
}

/**
 * Streams rows as CSV as they are read, page by page, so tens of thousands of rows never sit
 * in memory at once. A UTF-8 BOM lets spreadsheet programs read Chinese text correctly.
 */
export function sendCsv<T>(reply: FastifyReply, fileName: string, columns: readonly CsvColumn<T>[], rows: AsyncIterable<T>): FastifyReply {
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF' + csvLine(columns.map((c) => c.header));
    for await (const row of rows) yield csvLine(columns.map((c) => c.value(row)));
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Readable.from(lines()));
}

/** Keyset pagination as an async iterable: fetch pages until one comes back short. */
export async function* paged<T>(fetchPage: (after: T | undefined, limit: number) => Promise<T[]>, pageSize = 2000): AsyncGenerator<T> {
  let after: T | undefined;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}
