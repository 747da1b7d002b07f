import { graphql } from '@/gql';

/** The departments the caller may see, a tree by parentId. */
export const departmentsQuery = graphql(`
  query KpiDepartments {
    departments {
      id
      name
      parentId
    }
  }
`);
