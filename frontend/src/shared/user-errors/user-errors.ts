/**
 * Business errors of a mutation arrive as data (`errors: [UserError!]!` in its payload): a `field`
 * path such as ["input", "email"] (empty for the input as a whole), a stable `code` and a message
 * for people. This module sorts them into errors of form fields and errors of the whole form.
 */
export interface UserErrorLike {
  readonly field: readonly string[];
  readonly code: string;
  readonly message: string;
}

export interface SortedUserErrors {
  /** Messages by form field name (the path without its leading "input"). */
  byField: Record<string, string[]>;
  /** Errors that concern no field of the form: show them above or below the form. */
  general: UserErrorLike[];
}

/** The form field an error belongs to: ["input", "email"] → "email", ["tenantId"] → "tenantId". */
export function fieldOf(error: UserErrorLike): string | undefined {
  const path = error.field[0] === 'input' ? error.field.slice(1) : error.field;
  return path[0];
}

export function sortUserErrors(
  errors: readonly UserErrorLike[],
  formFields: readonly string[],
): SortedUserErrors {
  const byField: Record<string, string[]> = {};
  const general: UserErrorLike[] = [];
  for (const error of errors) {
    const field = fieldOf(error);
    if (field !== undefined && formFields.includes(field)) {
      (byField[field] ??= []).push(error.message);
    } else {
      general.push(error);
    }
  }
  return { byField, general };
}
