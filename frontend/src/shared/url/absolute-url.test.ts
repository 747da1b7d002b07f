import { describe, expect, it } from 'vitest';
import { absoluteUrl } from './absolute-url';

describe('absoluteUrl', () => {
  it('puts a path of this app on its origin', () => {
    expect(absoluteUrl('/invite/abc_-9', 'https://premia.example')).toBe(
      'https://premia.example/invite/abc_-9',
    );
  });

  it('keeps a full address', () => {
    expect(absoluteUrl('http://127.0.0.1:8080/reset-password/x', 'https://premia.example')).toBe(
      'http://127.0.0.1:8080/reset-password/x',
    );
  });

  it('uses the address the app runs at by default', () => {
    expect(absoluteUrl('/invite/t')).toBe(`${window.location.origin}/invite/t`);
  });
});
