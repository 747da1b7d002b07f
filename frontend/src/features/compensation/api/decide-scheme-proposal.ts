import { graphql } from '@/gql';

export const acceptSchemeProposalMutation = graphql(`
  mutation AcceptSchemeProposal($input: DecideSchemeProposalInput!) {
    acceptSchemeProposal(input: $input) {
      proposal {
        id
        status
        decidedAt
      }
      draft {
        id
        number
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const rejectSchemeProposalMutation = graphql(`
  mutation RejectSchemeProposal($input: DecideSchemeProposalInput!) {
    rejectSchemeProposal(input: $input) {
      proposal {
        id
        status
        decidedAt
        comment
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
