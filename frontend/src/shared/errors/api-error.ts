import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** The closed set of `extensions.code` values the backend puts on GraphQL errors. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the UI shows about a failed request. `code` NETWORK means no GraphQL answer arrived. */
export interface ApiErrorInfo {
  code: ErrorCode | 'NETWORK';
  /** Server's message, only for errors whose text is meant for users (never for INTERNAL). */
  message?: string;
  /** Support reference: `extensions.correlationId`, or the `X-Request-Id` response header. */
  correlationId?: string;
  httpStatus?: number;
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown> | undefined;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fromGraphQLErrors(errors: readonly FormattedError[]): ApiErrorInfo {
  // The most severe error decides what the user sees: an INTERNAL error hides the rest.
  const first = errors.find((e) => e.extensions?.['code'] === 'INTERNAL') ?? errors[0];
  const rawCode = first?.extensions?.['code'];
  const code: ErrorCode = isErrorCode(rawCode) ? rawCode : 'INTERNAL';
  const correlationId = first?.extensions?.['correlationId'];
  return {
    code,
    ...(code !== 'INTERNAL' && typeof first?.message === 'string'
      ? { message: first.message }
      : {}),
    ...(typeof correlationId === 'string' ? { correlationId } : {}),
  };
}

function parseErrorsBody(bodyText: string): FormattedError[] | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) {
      return body.errors as FormattedError[];
    }
  } catch {
    // not JSON: an HTTP-level failure
  }
  return undefined;
}

/** Reduces any error Apollo Client reports to what the user needs to see and quote to support. */
export function describeApiError(error: unknown): ApiErrorInfo {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLErrors(error.errors);
  }
  if (ServerError.is(error) || ServerParseError.is(error)) {
    const requestId = error.response.headers.get('X-Request-Id') ?? undefined;
    const errors = ServerError.is(error) ? parseErrorsBody(error.bodyText) : undefined;
    const info: ApiErrorInfo = errors?.length ? fromGraphQLErrors(errors) : { code: 'INTERNAL' };
    return {
      ...info,
      httpStatus: error.statusCode,
      ...(info.correlationId || !requestId ? {} : { correlationId: requestId }),
    };
  }
  return { code: 'NETWORK' };
}
