export { formatDate } from './format-date';
export { formatDateTime } from './format-date-time';
