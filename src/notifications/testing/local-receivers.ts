import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request a local receiver got. */
export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpRecorder {
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** What the next requests are answered with (status, or 'hang' to never answer). */
  respondWith(answer: number | 'hang'): void;
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 that records every request (the webhook receiver, the SMS gateway). */
export async function startHttpRecorder(responseBody = '{"id":"gw-1"}', delayMs = 0): Promise<HttpRecorder> {
  const received: ReceivedRequest[] = [];
  let answer: number | 'hang' = 200;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (answer === 'hang') return;
      const status = answer;
      const respond = () => response.writeHead(status, { 'content-type': 'application/json' }).end(responseBody);
      if (delayMs > 0) setTimeout(respond, delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respondWith: (a) => {
      answer = a;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpRecorder {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Reject the next RCPT TO with this SMTP code (e.g. 550 unknown mailbox, 451 try later), or accept (null). */
  rejectRecipientsWith(code: number | null): void;
  close(): Promise<void>;
}

/** A local SMTP server that records every message. */
export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const received: ReceivedMail[] = [];
  let rejectCode: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectCode === null) return callback();
      const error = new Error(`mailbox ${address.address} refused`) as Error & { responseCode: number };
      error.responseCode = rejectCode;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    rejectRecipientsWith: (code) => {
      rejectCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens (a server that is down). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
