import { describe, expect, it } from 'vitest';
import type { AccessRole, Permission } from '@/gql/graphql';
import { payoutAccess } from './access';

/** The permissions each role has in an active tenant (docs/domain/access.md). */
const MANAGING: Permission[] = ['MANAGE_USERS', 'VIEW_ALL_EMPLOYEES', 'MANAGE_SCHEMES'];

describe('what the payout pages offer each access role', () => {
  it.each<[AccessRole | null, Permission[], ReturnType<typeof payoutAccess>]>([
    [
      'TENANT_ADMIN',
      MANAGING,
      { canPrepare: true, canMarkPaid: true, canAnswer: true, canRaise: false },
    ],
    [
      'CONSULTANT',
      MANAGING,
      { canPrepare: true, canMarkPaid: true, canAnswer: true, canRaise: false },
    ],
    [
      'ACCOUNTANT',
      ['VIEW_ALL_EMPLOYEES', 'VIEW_INTEGRATION'],
      { canPrepare: false, canMarkPaid: true, canAnswer: false, canRaise: false },
    ],
    ['MANAGER', [], { canPrepare: false, canMarkPaid: false, canAnswer: false, canRaise: true }],
    [
      null,
      ['MANAGE_CLIENT_COMPANIES'],
      { canPrepare: false, canMarkPaid: false, canAnswer: false, canRaise: false },
    ],
  ])('%s', (role, permissions, expected) => {
    expect(payoutAccess(role, permissions)).toEqual(expected);
  });
});
