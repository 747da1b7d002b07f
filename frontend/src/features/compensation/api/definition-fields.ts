import { graphql } from '@/gql';

/**
 * A whole scheme definition. Its field names are the canonical JSON of a definition (the codec on
 * the server reads and writes exactly these), so the editor maps it to SchemeDefinitionInput 1:1.
 */
export const schemeDefinitionFieldsFragment = graphql(`
  fragment SchemeDefinitionFields on SchemeDefinition {
    baseSalary
    cap
    floor
    adaptation {
      months
      planFactorPercent
      guaranteedMinimum
    }
    components {
      key
      name
      frequency
      measure {
        kpi
        subject
        formula
      }
      rule {
        kind
        ratePercent
        amount
        tierMode
        tiers {
          from
          fromInclusive
          ratePercent
        }
        acceleratorMode
        curve {
          fromAttainmentPercent
          fromInclusive
          multiplier
        }
        expression
        highestWins
        prizes
        contestFrom
        contestTo
      }
      gates {
        measure {
          kpi
          subject
          formula
        }
        basis
        comparator
        threshold
      }
      cap
      floor
    }
  }
`);
