import type { FormInstance } from 'antd';
import { sortUserErrors, type UserErrorLike } from './user-errors';

/**
 * Shows each business error under the antd form field it names and returns the rest, which the
 * caller shows for the form as a whole (see {@link FormErrors}).
 */
export function applyUserErrors(
  form: FormInstance,
  errors: readonly UserErrorLike[],
  formFields: readonly string[],
): UserErrorLike[] {
  const { byField, general } = sortUserErrors(errors, formFields);
  form.setFields(Object.entries(byField).map(([name, messages]) => ({ name, errors: messages })));
  return general;
}
