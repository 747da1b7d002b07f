import type { AccessRole } from '@/gql/graphql';

/**
 * What the payout pages offer an access role, as payouts.graphqls states the rules: tenant admins
 * and the consultancy's people prepare, recompute and approve runs (never the run's own preparer:
 * the server's `canApprove` says so per run); accountants and tenant admins mark runs paid; a
 * tenant admin answers inquiries; a manager raises them on his own statements. The UI only hides
 * or shows; the server checks every call.
 */
export interface PayoutAccess {
  canPrepare: boolean;
  canMarkPaid: boolean;
  canAnswer: boolean;
  canRaise: boolean;
}

export function payoutAccess(role: AccessRole | null): PayoutAccess {
  return {
    canPrepare: role === 'TENANT_ADMIN' || role === 'CONSULTANT' || role === 'CONSULTANCY_OWNER',
    canMarkPaid: role === 'TENANT_ADMIN' || role === 'ACCOUNTANT',
    canAnswer: role === 'TENANT_ADMIN',
    canRaise: role === 'MANAGER',
  };
}
