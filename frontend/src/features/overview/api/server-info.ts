import { graphql } from '@/gql';

export const serverInfoQuery = graphql(`
  query ServerInfo {
    serverInfo {
      name
      version
      profile
      serverTime
      databaseVersion
      appliedMigrations
    }
  }
`);
