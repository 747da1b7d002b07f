import type { AccessRole, Permission } from '@/gql/graphql';

/**
 * Who the regulations pages are for (docs/ui/regulations.md): everyone who sees all employees
 * (`VIEW_ALL_EMPLOYEES`: tenant admins, accountants, the consultancy's people in a client company)
 * opens «Положение о премировании» — whether he may edit, the server says (`regulations.canEdit`);
 * a manager reads and acknowledges his own version, and only he is asked about it on login
 * (`myRegulations`). The UI only hides or shows; the server checks every call.
 */
export interface RegulationsAccess {
  /** /regulations: versions, acknowledgements, details. */
  canManage: boolean;
  /** /my-regulations and the pending notice in the app shell. */
  canAcknowledge: boolean;
}

export function regulationsAccess(
  role: AccessRole | null,
  permissions: readonly Permission[],
  hasTenant: boolean,
): RegulationsAccess {
  return {
    canManage: hasTenant && permissions.includes('VIEW_ALL_EMPLOYEES'),
    canAcknowledge: hasTenant && role === 'MANAGER',
  };
}
