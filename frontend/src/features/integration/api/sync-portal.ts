import { graphql } from '@/gql';

/** Starts a sync pass now: full, incremental or reconciliation. */
export const syncPortalMutation = graphql(`
  mutation SyncPortal($input: SyncPortalInput!) {
    syncPortal(input: $input) {
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
