import type { AccessRole, MembershipStatus } from '@/gql/graphql';

/** Roles a client company's users can have; the consultancy's roles are never given by invitation. */
export const TENANT_ROLES = [
  'TENANT_ADMIN',
  'ACCOUNTANT',
  'MANAGER',
] as const satisfies readonly AccessRole[];
export type TenantRole = (typeof TENANT_ROLES)[number];

export function isTenantRole(role: AccessRole): role is TenantRole {
  return (TENANT_ROLES as readonly AccessRole[]).includes(role);
}

/** antd Tag colours of membership statuses. */
export const MEMBERSHIP_STATUS_COLORS: Record<MembershipStatus, string> = {
  INVITED: 'gold',
  ACTIVE: 'green',
  DEACTIVATED: 'default',
};
