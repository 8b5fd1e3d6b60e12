/** One problem with one input field, as the server reports it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error answered by the server (`{ error, message, details }`) or a network failure
 * (code `network_error`, status 0). Pages show `message` and the details to the user.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly FieldProblem[];

  constructor(status: number, code: string, message: string, details: readonly FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Reads an error body defensively: proxies and crashes do not always answer in our shape. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (body && typeof body === 'object') {
    const { error, message, details } = body as Record<string, unknown>;
    return new ApiError(
      response.status,
      typeof error === 'string' ? error : `http_${response.status}`,
      typeof message === 'string' ? message : response.statusText,
      Array.isArray(details) ? details.filter(isFieldProblem) : [],
    );
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return !!value && typeof value === 'object' && typeof (value as FieldProblem).message === 'string';
}
