import { describe, expect, it } from 'vitest';
import { regulationsAccess } from './access';

describe('regulationsAccess', () => {
  it('gives the regulations page to those who see all employees in a client company', () => {
    expect(
      regulationsAccess('TENANT_ADMIN', ['VIEW_ALL_EMPLOYEES', 'MANAGE_SCHEMES'], true),
    ).toEqual({ canManage: true, canAcknowledge: false });
    expect(regulationsAccess('ACCOUNTANT', ['VIEW_ALL_EMPLOYEES'], true)).toEqual({
      canManage: true,
      canAcknowledge: false,
    });
  });

  it('gives a manager his own regulations only', () => {
    expect(regulationsAccess('MANAGER', [], true)).toEqual({
      canManage: false,
      canAcknowledge: true,
    });
  });

  it('gives nothing without a client company chosen', () => {
    expect(regulationsAccess('CONSULTANT', ['MANAGE_CLIENT_COMPANIES'], false)).toEqual({
      canManage: false,
      canAcknowledge: false,
    });
    expect(regulationsAccess('MANAGER', [], false).canAcknowledge).toBe(false);
  });
});
