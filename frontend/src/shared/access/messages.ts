import type { AccessRole, MembershipStatus } from '@/gql/graphql';
import { defineMessages } from '../i18n';

/** Access roles (what a user may do in Premia), as every screen names them. Not sales roles. */
export const accessRoleMessages = defineMessages(
  {
    CONSULTANCY_OWNER: 'Владелец консалтинга',
    CONSULTANT: 'Консультант',
    TENANT_ADMIN: 'Руководитель отдела продаж (администратор)',
    ACCOUNTANT: 'Бухгалтер',
    MANAGER: 'Менеджер по продажам',
  } satisfies Record<AccessRole, string>,
  {
    CONSULTANCY_OWNER: 'Consultancy owner',
    CONSULTANT: 'Consultant',
    TENANT_ADMIN: 'Head of sales (administrator)',
    ACCOUNTANT: 'Accountant',
    MANAGER: 'Sales manager',
  },
);

/** A user's membership in a client company. */
export const membershipStatusMessages = defineMessages(
  {
    INVITED: 'Приглашён',
    ACTIVE: 'Активен',
    DEACTIVATED: 'Отключён',
  } satisfies Record<MembershipStatus, string>,
  {
    INVITED: 'Invited',
    ACTIVE: 'Active',
    DEACTIVATED: 'Deactivated',
  },
);
