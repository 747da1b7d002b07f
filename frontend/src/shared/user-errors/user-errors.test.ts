import { describe, expect, it } from 'vitest';
import { fieldOf, sortUserErrors } from './user-errors';

const error = (field: string[], message = 'm', code = 'INVALID') => ({ field, code, message });

describe('sortUserErrors', () => {
  it('puts errors of known fields under the field and the rest aside', () => {
    const sorted = sortUserErrors(
      [
        error(['input', 'name'], 'Имя занято', 'DUPLICATE'),
        error(['input', 'name'], 'Слишком длинное'),
        error([], 'Нельзя', 'FORBIDDEN'),
        error(['input', 'unknownField'], 'Странно'),
      ],
      ['name', 'timeZone'],
    );
    expect(sorted.byField).toEqual({ name: ['Имя занято', 'Слишком длинное'] });
    expect(sorted.general.map((e) => e.message)).toEqual(['Нельзя', 'Странно']);
  });

  it('reads paths with and without the input argument', () => {
    expect(fieldOf(error(['input', 'email']))).toBe('email');
    expect(fieldOf(error(['tenantId']))).toBe('tenantId');
    expect(fieldOf(error(['input']))).toBeUndefined();
    expect(fieldOf(error([]))).toBeUndefined();
  });
});
