import type { SalesRole } from '@/gql/graphql';
import type { CompensationTexts } from '../messages';

export const SALES_ROLES: readonly SalesRole[] = [
  'ACQUISITION',
  'ACCOUNT',
  'VIP',
  'HEAD_OF_SALES',
  'CUSTOM',
];

export function salesRoleLabel(role: SalesRole, t: CompensationTexts): string {
  return t[`role${role}`];
}

/** OPEN, ACCEPTED, REJECTED as words; anything else as it is. */
export function proposalStatusLabel(status: string, t: CompensationTexts): string {
  const key = `proposalStatus${status}`;
  return key in t ? t[key as keyof CompensationTexts] : status;
}

/** Tag colours of a proposal's status. */
export const PROPOSAL_COLORS: Record<string, string> = {
  OPEN: 'gold',
  ACCEPTED: 'green',
  REJECTED: 'red',
};
