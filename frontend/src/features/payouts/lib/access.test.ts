import { describe, expect, it } from 'vitest';
import { payoutAccess } from './access';

describe('what the payout pages offer each access role', () => {
  it.each([
    ['TENANT_ADMIN', { canPrepare: true, canMarkPaid: true, canAnswer: true, canRaise: false }],
    ['CONSULTANT', { canPrepare: true, canMarkPaid: false, canAnswer: false, canRaise: false }],
    [
      'CONSULTANCY_OWNER',
      { canPrepare: true, canMarkPaid: false, canAnswer: false, canRaise: false },
    ],
    ['ACCOUNTANT', { canPrepare: false, canMarkPaid: true, canAnswer: false, canRaise: false }],
    ['MANAGER', { canPrepare: false, canMarkPaid: false, canAnswer: false, canRaise: true }],
    [null, { canPrepare: false, canMarkPaid: false, canAnswer: false, canRaise: false }],
  ] as const)('%s', (role, expected) => {
    expect(payoutAccess(role)).toEqual(expected);
  });
});
