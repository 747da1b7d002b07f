import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('accepts a path of this app with its query', () => {
    expect(safeNextPath('/settings/users')).toBe('/settings/users');
    expect(safeNextPath('/reference/currencies?q=EUR')).toBe('/reference/currencies?q=EUR');
  });

  it.each([
    null,
    '',
    'settings',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/login',
    '/login?next=/x',
  ])('turns %s into the start page', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('remembers where to return', () => {
    expect(loginPathFor('/settings/users?page=2')).toBe(
      '/login?next=%2Fsettings%2Fusers%3Fpage%3D2',
    );
  });

  it('needs no parameter for the start page', () => {
    expect(loginPathFor('/')).toBe('/login');
  });
});
