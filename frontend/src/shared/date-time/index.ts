export { formatDate, formatDay } from './format-date';
export { formatDateTime } from './format-date-time';
export { DateField } from './date-field';
