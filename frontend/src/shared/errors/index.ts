export { describeApiError, ERROR_CODES, type ApiErrorInfo, type ErrorCode } from './api-error';
export { ErrorDisplay } from './error-display';
