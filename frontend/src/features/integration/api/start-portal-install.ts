import { graphql } from '@/gql';

/** Registers a local Bitrix24 application's credentials and returns its one-time install URL. */
export const startPortalInstallMutation = graphql(`
  mutation StartPortalInstall($input: StartPortalInstallInput!) {
    startPortalInstall(input: $input) {
      installUrl
      errors {
        field
        code
        message
      }
    }
  }
`);
