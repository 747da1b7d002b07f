import { graphql } from '@/gql';

/** Connects the tenant by an incoming-webhook URL; the server starts the first full sync. */
export const connectPortalMutation = graphql(`
  mutation ConnectPortal($input: ConnectPortalInput!) {
    connectPortal(input: $input) {
      portalConnection {
        ...PortalConnectionFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
