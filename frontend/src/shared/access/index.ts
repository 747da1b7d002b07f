export { isTenantRole, MEMBERSHIP_STATUS_COLORS, TENANT_ROLES, type TenantRole } from './access';
export { accessRoleMessages, membershipStatusMessages } from './messages';
