import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, TooManyRequestsError } from '../../core/errors.js';
import { describeValidationError } from './validation.js';

export interface ErrorBody {
  error: string;
  message: string;
  details: ReadonlyArray<{ field?: string; message: string }>;
}

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Maps Fastify's own error codes for malformed requests to the one error shape. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, { status: number; error: string; message: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid_json', message: 'body: is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid_json', message: 'body: is empty but declared as JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'payload_too_large', message: 'body: is larger than this route accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported_media_type', message: 'body: content type is not accepted' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'invalid_input', message: 'body: length does not match Content-Length' },
};

/** One place where every error becomes `{error, message, details}` with the right status. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any type provider
export function installErrorHandler(app: FastifyInstance<any, any, any, any, any>): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      if (error.isReportable) request.log.error({ err: error }, error.message);
      return send(reply, error.status, { error: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const { message, details } = describeValidationError(error.validation, error.validationContext ?? 'body');
      return send(reply, 400, { error: 'invalid_input', message, details });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return send(reply, known.status, { error: known.error, message: known.message, details: [] });
    if (error instanceof SyntaxError || (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)) {
      return send(reply, error.statusCode ?? 400, { error: 'bad_request', message: error.message, details: [] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { error: 'internal_error', message: 'An internal error occurred; it has been logged.', details: [] });
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, { error: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}`, details: [] }),
  );
}
