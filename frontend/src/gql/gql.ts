/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AssignConsultant($input: ConsultantAssignmentInput!) {\n    assignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AssignConsultantDocument,
    "\n  query ClientCompanies {\n    clientCompanies {\n      id\n      name\n      timeZone\n      currencyCode\n      createdAt\n      consultants {\n        id\n        email\n        displayName\n      }\n    }\n  }\n": typeof types.ClientCompaniesDocument,
    "\n  query Consultants {\n    consultants {\n      id\n      email\n      displayName\n    }\n  }\n": typeof types.ConsultantsDocument,
    "\n  mutation CreateClientCompany($input: CreateClientCompanyInput!) {\n    createClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CreateClientCompanyDocument,
    "\n  query CurrencyOptions {\n    currencies {\n      code\n      nameRu\n      nameEn\n    }\n  }\n": typeof types.CurrencyOptionsDocument,
    "\n  mutation RenameClientCompany($input: RenameClientCompanyInput!) {\n    renameClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RenameClientCompanyDocument,
    "\n  mutation UnassignConsultant($input: ConsultantAssignmentInput!) {\n    unassignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UnassignConsultantDocument,
    "\n  query Currencies {\n    currencies {\n      code\n      numericCode\n      minorUnits\n      symbol\n      nameRu\n      nameEn\n      sampleAmount\n    }\n  }\n": typeof types.CurrenciesDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      demoLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      viewer {\n        activeTenant {\n          id\n          name\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SwitchTenantDocument,
    "\n  query Viewer {\n    viewer {\n      user {\n        id\n        email\n        displayName\n      }\n      consultancy {\n        id\n        name\n      }\n      tenants {\n        id\n        name\n      }\n      activeTenant {\n        id\n        name\n      }\n      accessRole\n      permissions\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation ConfigurePortal($input: ConfigurePortalInput!) {\n    configurePortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ConfigurePortalDocument,
    "\n  mutation ConnectPortal($input: ConnectPortalInput!) {\n    connectPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ConnectPortalDocument,
    "\n  mutation DisconnectPortal {\n    disconnectPortal {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.DisconnectPortalDocument,
    "\n  fragment PortalConnectionFields on PortalConnection {\n    mode\n    status\n    domain\n    memberId\n    enterprise\n    npsField\n    pipelines {\n      id\n      name\n      selected\n    }\n    connectedAt\n    lastError\n    sync {\n      ...SyncStatusFields\n    }\n  }\n": typeof types.PortalConnectionFieldsFragmentDoc,
    "\n  query PortalConnection {\n    portalConnection {\n      ...PortalConnectionFields\n    }\n  }\n": typeof types.PortalConnectionDocument,
    "\n  query PortalSync {\n    portalConnection {\n      status\n      lastError\n      sync {\n        ...SyncStatusFields\n      }\n    }\n  }\n": typeof types.PortalSyncDocument,
    "\n  query QuarantinedRows($first: Int) {\n    quarantinedRows(first: $first) {\n      entity\n      rawId\n      reason\n      rawExcerpt\n      firstSeenAt\n      lastSeenAt\n      occurrences\n    }\n  }\n": typeof types.QuarantinedRowsDocument,
    "\n  mutation StartPortalInstall($input: StartPortalInstallInput!) {\n    startPortalInstall(input: $input) {\n      installUrl\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.StartPortalInstallDocument,
    "\n  mutation SyncPortal($input: SyncPortalInput!) {\n    syncPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SyncPortalDocument,
    "\n  fragment SyncStatusFields on SyncStatus {\n    running\n    fetched\n    total\n    percent\n    entities {\n      entity\n      phase\n      mode\n      fetched\n      total\n      percent\n      quarantined\n      deleted\n      rowsPerSecond\n      throttledMs\n      etaSeconds\n      startedAt\n      updatedAt\n      finishedAt\n      lastError\n    }\n  }\n": typeof types.SyncStatusFieldsFragmentDoc,
    "\n  mutation TestPortalConnection($input: TestPortalConnectionInput!) {\n    testPortalConnection(input: $input) {\n      probe {\n        domain\n        userName\n        admin\n        scopes\n        missingScopes\n        pipelines {\n          id\n          name\n          selected\n        }\n        deals\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.TestPortalConnectionDocument,
    "\n  query ServerInfo {\n    serverInfo {\n      name\n      version\n      profile\n      serverTime\n      databaseVersion\n      appliedMigrations\n    }\n  }\n": typeof types.ServerInfoDocument,
    "\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ChangeUserRoleDocument,
    "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n        invitedAt\n        joinedAt\n        user {\n          id\n          email\n          displayName\n        }\n      }\n      invitationLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  query TenantUsers($first: Int, $after: String) {\n    tenantUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          accessRole\n          status\n          invitedAt\n          joinedAt\n          user {\n            id\n            email\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.TenantUsersDocument,
};
const documents: Documents = {
    "\n  mutation AssignConsultant($input: ConsultantAssignmentInput!) {\n    assignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AssignConsultantDocument,
    "\n  query ClientCompanies {\n    clientCompanies {\n      id\n      name\n      timeZone\n      currencyCode\n      createdAt\n      consultants {\n        id\n        email\n        displayName\n      }\n    }\n  }\n": types.ClientCompaniesDocument,
    "\n  query Consultants {\n    consultants {\n      id\n      email\n      displayName\n    }\n  }\n": types.ConsultantsDocument,
    "\n  mutation CreateClientCompany($input: CreateClientCompanyInput!) {\n    createClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CreateClientCompanyDocument,
    "\n  query CurrencyOptions {\n    currencies {\n      code\n      nameRu\n      nameEn\n    }\n  }\n": types.CurrencyOptionsDocument,
    "\n  mutation RenameClientCompany($input: RenameClientCompanyInput!) {\n    renameClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RenameClientCompanyDocument,
    "\n  mutation UnassignConsultant($input: ConsultantAssignmentInput!) {\n    unassignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UnassignConsultantDocument,
    "\n  query Currencies {\n    currencies {\n      code\n      numericCode\n      minorUnits\n      symbol\n      nameRu\n      nameEn\n      sampleAmount\n    }\n  }\n": types.CurrenciesDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      demoLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      viewer {\n        activeTenant {\n          id\n          name\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SwitchTenantDocument,
    "\n  query Viewer {\n    viewer {\n      user {\n        id\n        email\n        displayName\n      }\n      consultancy {\n        id\n        name\n      }\n      tenants {\n        id\n        name\n      }\n      activeTenant {\n        id\n        name\n      }\n      accessRole\n      permissions\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation ConfigurePortal($input: ConfigurePortalInput!) {\n    configurePortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ConfigurePortalDocument,
    "\n  mutation ConnectPortal($input: ConnectPortalInput!) {\n    connectPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ConnectPortalDocument,
    "\n  mutation DisconnectPortal {\n    disconnectPortal {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.DisconnectPortalDocument,
    "\n  fragment PortalConnectionFields on PortalConnection {\n    mode\n    status\n    domain\n    memberId\n    enterprise\n    npsField\n    pipelines {\n      id\n      name\n      selected\n    }\n    connectedAt\n    lastError\n    sync {\n      ...SyncStatusFields\n    }\n  }\n": types.PortalConnectionFieldsFragmentDoc,
    "\n  query PortalConnection {\n    portalConnection {\n      ...PortalConnectionFields\n    }\n  }\n": types.PortalConnectionDocument,
    "\n  query PortalSync {\n    portalConnection {\n      status\n      lastError\n      sync {\n        ...SyncStatusFields\n      }\n    }\n  }\n": types.PortalSyncDocument,
    "\n  query QuarantinedRows($first: Int) {\n    quarantinedRows(first: $first) {\n      entity\n      rawId\n      reason\n      rawExcerpt\n      firstSeenAt\n      lastSeenAt\n      occurrences\n    }\n  }\n": types.QuarantinedRowsDocument,
    "\n  mutation StartPortalInstall($input: StartPortalInstallInput!) {\n    startPortalInstall(input: $input) {\n      installUrl\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.StartPortalInstallDocument,
    "\n  mutation SyncPortal($input: SyncPortalInput!) {\n    syncPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SyncPortalDocument,
    "\n  fragment SyncStatusFields on SyncStatus {\n    running\n    fetched\n    total\n    percent\n    entities {\n      entity\n      phase\n      mode\n      fetched\n      total\n      percent\n      quarantined\n      deleted\n      rowsPerSecond\n      throttledMs\n      etaSeconds\n      startedAt\n      updatedAt\n      finishedAt\n      lastError\n    }\n  }\n": types.SyncStatusFieldsFragmentDoc,
    "\n  mutation TestPortalConnection($input: TestPortalConnectionInput!) {\n    testPortalConnection(input: $input) {\n      probe {\n        domain\n        userName\n        admin\n        scopes\n        missingScopes\n        pipelines {\n          id\n          name\n          selected\n        }\n        deals\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.TestPortalConnectionDocument,
    "\n  query ServerInfo {\n    serverInfo {\n      name\n      version\n      profile\n      serverTime\n      databaseVersion\n      appliedMigrations\n    }\n  }\n": types.ServerInfoDocument,
    "\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ChangeUserRoleDocument,
    "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n        invitedAt\n        joinedAt\n        user {\n          id\n          email\n          displayName\n        }\n      }\n      invitationLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.InviteUserDocument,
    "\n  query TenantUsers($first: Int, $after: String) {\n    tenantUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          accessRole\n          status\n          invitedAt\n          joinedAt\n          user {\n            id\n            email\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.TenantUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignConsultant($input: ConsultantAssignmentInput!) {\n    assignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignConsultant($input: ConsultantAssignmentInput!) {\n    assignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientCompanies {\n    clientCompanies {\n      id\n      name\n      timeZone\n      currencyCode\n      createdAt\n      consultants {\n        id\n        email\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientCompanies {\n    clientCompanies {\n      id\n      name\n      timeZone\n      currencyCode\n      createdAt\n      consultants {\n        id\n        email\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consultants {\n    consultants {\n      id\n      email\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query Consultants {\n    consultants {\n      id\n      email\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClientCompany($input: CreateClientCompanyInput!) {\n    createClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClientCompany($input: CreateClientCompanyInput!) {\n    createClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrencyOptions {\n    currencies {\n      code\n      nameRu\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query CurrencyOptions {\n    currencies {\n      code\n      nameRu\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameClientCompany($input: RenameClientCompanyInput!) {\n    renameClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameClientCompany($input: RenameClientCompanyInput!) {\n    renameClientCompany(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignConsultant($input: ConsultantAssignmentInput!) {\n    unassignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnassignConsultant($input: ConsultantAssignmentInput!) {\n    unassignConsultant(input: $input) {\n      tenant {\n        id\n        name\n        timeZone\n        currencyCode\n        createdAt\n        consultants {\n          id\n          email\n          displayName\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Currencies {\n    currencies {\n      code\n      numericCode\n      minorUnits\n      symbol\n      nameRu\n      nameEn\n      sampleAmount\n    }\n  }\n"): (typeof documents)["\n  query Currencies {\n    currencies {\n      code\n      numericCode\n      minorUnits\n      symbol\n      nameRu\n      nameEn\n      sampleAmount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      demoLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      demoLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      viewer {\n        user {\n          id\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      viewer {\n        activeTenant {\n          id\n          name\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchTenant($tenantId: ID!) {\n    switchTenant(tenantId: $tenantId) {\n      viewer {\n        activeTenant {\n          id\n          name\n        }\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      user {\n        id\n        email\n        displayName\n      }\n      consultancy {\n        id\n        name\n      }\n      tenants {\n        id\n        name\n      }\n      activeTenant {\n        id\n        name\n      }\n      accessRole\n      permissions\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      user {\n        id\n        email\n        displayName\n      }\n      consultancy {\n        id\n        name\n      }\n      tenants {\n        id\n        name\n      }\n      activeTenant {\n        id\n        name\n      }\n      accessRole\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigurePortal($input: ConfigurePortalInput!) {\n    configurePortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigurePortal($input: ConfigurePortalInput!) {\n    configurePortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectPortal($input: ConnectPortalInput!) {\n    connectPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectPortal($input: ConnectPortalInput!) {\n    connectPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectPortal {\n    disconnectPortal {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DisconnectPortal {\n    disconnectPortal {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalConnectionFields on PortalConnection {\n    mode\n    status\n    domain\n    memberId\n    enterprise\n    npsField\n    pipelines {\n      id\n      name\n      selected\n    }\n    connectedAt\n    lastError\n    sync {\n      ...SyncStatusFields\n    }\n  }\n"): (typeof documents)["\n  fragment PortalConnectionFields on PortalConnection {\n    mode\n    status\n    domain\n    memberId\n    enterprise\n    npsField\n    pipelines {\n      id\n      name\n      selected\n    }\n    connectedAt\n    lastError\n    sync {\n      ...SyncStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalConnection {\n    portalConnection {\n      ...PortalConnectionFields\n    }\n  }\n"): (typeof documents)["\n  query PortalConnection {\n    portalConnection {\n      ...PortalConnectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSync {\n    portalConnection {\n      status\n      lastError\n      sync {\n        ...SyncStatusFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalSync {\n    portalConnection {\n      status\n      lastError\n      sync {\n        ...SyncStatusFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuarantinedRows($first: Int) {\n    quarantinedRows(first: $first) {\n      entity\n      rawId\n      reason\n      rawExcerpt\n      firstSeenAt\n      lastSeenAt\n      occurrences\n    }\n  }\n"): (typeof documents)["\n  query QuarantinedRows($first: Int) {\n    quarantinedRows(first: $first) {\n      entity\n      rawId\n      reason\n      rawExcerpt\n      firstSeenAt\n      lastSeenAt\n      occurrences\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPortalInstall($input: StartPortalInstallInput!) {\n    startPortalInstall(input: $input) {\n      installUrl\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartPortalInstall($input: StartPortalInstallInput!) {\n    startPortalInstall(input: $input) {\n      installUrl\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncPortal($input: SyncPortalInput!) {\n    syncPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SyncPortal($input: SyncPortalInput!) {\n    syncPortal(input: $input) {\n      portalConnection {\n        ...PortalConnectionFields\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncStatusFields on SyncStatus {\n    running\n    fetched\n    total\n    percent\n    entities {\n      entity\n      phase\n      mode\n      fetched\n      total\n      percent\n      quarantined\n      deleted\n      rowsPerSecond\n      throttledMs\n      etaSeconds\n      startedAt\n      updatedAt\n      finishedAt\n      lastError\n    }\n  }\n"): (typeof documents)["\n  fragment SyncStatusFields on SyncStatus {\n    running\n    fetched\n    total\n    percent\n    entities {\n      entity\n      phase\n      mode\n      fetched\n      total\n      percent\n      quarantined\n      deleted\n      rowsPerSecond\n      throttledMs\n      etaSeconds\n      startedAt\n      updatedAt\n      finishedAt\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestPortalConnection($input: TestPortalConnectionInput!) {\n    testPortalConnection(input: $input) {\n      probe {\n        domain\n        userName\n        admin\n        scopes\n        missingScopes\n        pipelines {\n          id\n          name\n          selected\n        }\n        deals\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestPortalConnection($input: TestPortalConnectionInput!) {\n    testPortalConnection(input: $input) {\n      probe {\n        domain\n        userName\n        admin\n        scopes\n        missingScopes\n        pipelines {\n          id\n          name\n          selected\n        }\n        deals\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerInfo {\n    serverInfo {\n      name\n      version\n      profile\n      serverTime\n      databaseVersion\n      appliedMigrations\n    }\n  }\n"): (typeof documents)["\n  query ServerInfo {\n    serverInfo {\n      name\n      version\n      profile\n      serverTime\n      databaseVersion\n      appliedMigrations\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($input: DeactivateUserInput!) {\n    deactivateUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n        invitedAt\n        joinedAt\n        user {\n          id\n          email\n          displayName\n        }\n      }\n      invitationLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      tenantUser {\n        id\n        accessRole\n        status\n        invitedAt\n        joinedAt\n        user {\n          id\n          email\n          displayName\n        }\n      }\n      invitationLink\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantUsers($first: Int, $after: String) {\n    tenantUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          accessRole\n          status\n          invitedAt\n          joinedAt\n          user {\n            id\n            email\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query TenantUsers($first: Int, $after: String) {\n    tenantUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          accessRole\n          status\n          invitedAt\n          joinedAt\n          user {\n            id\n            email\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;