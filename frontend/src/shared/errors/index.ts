export { describeApiError, ERROR_CODES, type ApiErrorInfo, type ErrorCode } from './api-error';
export { ErrorDisplay } from './error-display';
export { useApiErrorText } from './use-api-error-text';
