/**
 * One error model for the whole system. Each error has a stable `code` clients can switch on,
 * an HTTP status, and whether it is worth reporting to operators (5xx-class faults).
 * Never classify errors by matching message text.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. "body.username". */
  readonly field?: string;
  readonly message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly isReportable: boolean = false;
  readonly details: readonly ErrorDetail[];

  constructor(message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class InvalidInputError extends AppError {
  readonly code: string = 'invalid_input';
  readonly status: number = 400;
  /** Builds the error for one field, the message reading "field: problem". */
  static forField(field: string, problem: string): InvalidInputError {
    return new InvalidInputError(`${field}: ${problem}`, [{ field, message: problem }]);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code: string = 'unauthenticated';
  readonly status: number = 401;
}

export class ForbiddenError extends AppError {
  readonly code: string = 'forbidden';
  readonly status: number = 403;
}

export class NotFoundError extends AppError {
  readonly code: string = 'not_found';
  readonly status: number = 404;
}

export class ConflictError extends AppError {
  readonly code: string = 'conflict';
  readonly status: number = 409;
}

export class PayloadTooLargeError extends AppError {
  readonly code: string = 'payload_too_large';
  readonly status: number = 413;
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code: string = 'unsupported_media_type';
  readonly status: number = 415;
}

export class TooManyRequestsError extends AppError {
  readonly code: string = 'too_many_requests';
  readonly status: number = 429;
  constructor(
    message: string,
    /** Seconds until the client may try again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ServiceUnavailableError extends AppError {
  readonly code: string = 'service_unavailable';
  readonly status: number = 503;
  override readonly isReportable = true;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
