export { applyUserErrors } from './apply-user-errors';
export { FormErrors } from './form-errors';
export { fieldOf, sortUserErrors, type SortedUserErrors, type UserErrorLike } from './user-errors';
