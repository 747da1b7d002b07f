import { graphql } from '@/gql';

/** The consultancy's template library: templates, latest versions, adoptions by client companies. */
export const templateLibraryQuery = graphql(`
  query TemplateLibrary {
    templateLibrary {
      consultancyName
      templates {
        id
        code
        name
        salesRole
        description
        latest {
          id
          number
          publishedAt
        }
        adoptions {
          tenantId
          tenantName
          schemeName
          libraryVersion
          proposalStatus
        }
      }
    }
  }
`);

/** One template with its draft and versions (the library's template page). */
export const schemeTemplateQuery = graphql(`
  query SchemeTemplate($id: ID!) {
    schemeTemplate(id: $id) {
      id
      code
      name
      salesRole
      description
      draft {
        ...SchemeDefinitionFields
      }
      latest {
        id
        number
        publishedAt
        definition {
          ...SchemeDefinitionFields
        }
      }
      versions {
        id
        number
        note
        publishedAt
        changes {
          ...SchemeChangeFields
        }
      }
      adoptions {
        tenantId
        tenantName
        schemeName
        libraryVersion
        proposalStatus
      }
    }
  }
`);

export const saveTemplateDraftMutation = graphql(`
  mutation SaveTemplateDraft($input: SaveTemplateDraftInput!) {
    saveTemplateDraft(input: $input) {
      template {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const publishTemplateVersionMutation = graphql(`
  mutation PublishTemplateVersion($input: PublishTemplateVersionInput!) {
    publishTemplateVersion(input: $input) {
      template {
        id
        latest {
          id
          number
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

export const offerTemplateVersionMutation = graphql(`
  mutation OfferTemplateVersion($input: OfferTemplateVersionInput!) {
    offerTemplateVersion(input: $input) {
      offered
      errors {
        field
        code
        message
      }
    }
  }
`);
