import { graphql } from '@/gql';

/**
 * One version in one language: its HTML (the same markup the PDF is rendered from), the PDF's
 * address and its numbered sections.
 */
export const regulationsDocumentQuery = graphql(`
  query RegulationsDocument($id: ID!, $language: DocumentLanguage!) {
    regulationsDocument(id: $id) {
      id
      number
      status
      effectiveFrom
      title(language: $language)
      basis(language: $language)
      html(language: $language)
      pdfHref(language: $language)
      sections(language: $language) {
        key
        number
        title
      }
    }
  }
`);
