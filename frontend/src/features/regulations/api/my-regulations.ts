import { graphql } from '@/gql';

/**
 * The signed-in employee's regulations: the newest published version in his scope (in the
 * language asked for), when he acknowledged it, and the older versions he acknowledged.
 */
export const myRegulationsQuery = graphql(`
  query MyRegulations($language: DocumentLanguage!) {
    myRegulations {
      document {
        id
        number
        status
        effectiveFrom
        title(language: $language)
        html(language: $language)
        pdfHref(language: $language)
        sections(language: $language) {
          key
          number
          title
        }
      }
      acknowledgedAt
      pending
      history {
        document {
          id
          number
          effectiveFrom
        }
        acknowledgedAt
      }
    }
  }
`);
