import { graphql } from '@/gql';

/** Changes the synced deal pipelines (an empty list means all) and the NPS field. */
export const configurePortalMutation = graphql(`
  mutation ConfigurePortal($input: ConfigurePortalInput!) {
    configurePortal(input: $input) {
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
