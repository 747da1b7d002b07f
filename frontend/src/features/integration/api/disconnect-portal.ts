import { graphql } from '@/gql';

/** Disconnects the portal: the server erases its secrets, synced data stays. */
export const disconnectPortalMutation = graphql(`
  mutation DisconnectPortal {
    disconnectPortal {
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
