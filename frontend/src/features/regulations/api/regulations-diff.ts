import { graphql } from '@/gql';

/** What changed from one version to another (either may be the draft), paragraph by paragraph. */
export const regulationsDiffQuery = graphql(`
  query RegulationsDiff($fromId: ID!, $toId: ID!, $language: DocumentLanguage!) {
    regulationsDiff(fromId: $fromId, toId: $toId, language: $language) {
      from {
        id
        number
        status
        effectiveFrom
      }
      to {
        id
        number
        status
        effectiveFrom
      }
      language
      changes {
        kind
        sectionKey
        sectionTitle
        before
        after
        segments {
          text
          kind
        }
      }
    }
  }
`);
