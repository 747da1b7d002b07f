import { describe, expect, it } from 'vitest';
import { accepted } from './refetch';

describe('accepted', () => {
  it('accepts payloads without errors', () => {
    expect(accepted({ saveRegulationsDetails: { details: {}, errors: [] } })).toBe(true);
  });

  it('refuses payloads with errors and missing data', () => {
    expect(
      accepted({ saveRegulationsDetails: { details: null, errors: [{ code: 'INVALID' }] } }),
    ).toBe(false);
    expect(accepted(null)).toBe(false);
    expect(accepted(undefined)).toBe(false);
  });
});
