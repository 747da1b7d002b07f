import { graphql } from '@/gql';

/**
 * The tenant's regulations as the /regulations page shows them: company details, own sections, the
 * draft, the published versions (newest first), the current one with its acknowledgements, whether
 * a newer scheme version made it outdated, and whether the viewer may edit.
 */
export const regulationsQuery = graphql(`
  query Regulations {
    regulations {
      details {
        companyName
        inn
        orderNumber
        orderDate
        city
        approverTitle
        approverName
      }
      sections {
        id
        position
        titleRu
        titleEn
        bodyRu
        bodyEn
        updatedAt
      }
      draft {
        id
        number
        status
        effectiveFrom
        createdAt
      }
      versions {
        id
        number
        status
        effectiveFrom
        publishedAt
        publishedBy
      }
      current {
        id
        number
        status
        effectiveFrom
        publishedAt
        publishedBy
        acknowledgements {
          total
          acknowledged
          employees {
            employee {
              id
              name
              department
            }
            acknowledgedAt
            acknowledgedBy
          }
        }
      }
      outdated
      outdatedBy
      canEdit
    }
  }
`);
