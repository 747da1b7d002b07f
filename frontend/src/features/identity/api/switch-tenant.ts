import { graphql } from '@/gql';

export const switchTenantMutation = graphql(`
  mutation SwitchTenant($tenantId: ID!) {
    switchTenant(tenantId: $tenantId) {
      viewer {
        activeTenant {
          id
          name
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
