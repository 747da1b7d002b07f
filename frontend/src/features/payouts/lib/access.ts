import type { AccessRole, Permission } from '@/gql/graphql';

/**
 * What the payout pages offer the viewer, from his access role and `viewer.permissions` as the
 * server decides payouts (docs/domain/access.md, «Payouts»): those who manage schemes
 * (`MANAGE_SCHEMES`: tenant admins and the consultancy's people) prepare, recompute and approve
 * runs — never the run's own preparer, which the server's `canApprove` says per run — and answer
 * inquiries; everyone who sees all employees (`VIEW_ALL_EMPLOYEES`: also accountants) marks an
 * approved run paid; a manager raises inquiries on his own statements. The UI only hides or
 * shows; the server checks every call.
 */
export interface PayoutAccess {
  canPrepare: boolean;
  canMarkPaid: boolean;
  canAnswer: boolean;
  canRaise: boolean;
}

export function payoutAccess(
  role: AccessRole | null,
  permissions: readonly Permission[],
): PayoutAccess {
  const manages = permissions.includes('MANAGE_SCHEMES');
  return {
    canPrepare: manages,
    canMarkPaid: permissions.includes('VIEW_ALL_EMPLOYEES'),
    canAnswer: manages,
    canRaise: role === 'MANAGER',
  };
}
