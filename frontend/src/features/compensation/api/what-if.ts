import { graphql } from '@/gql';

export const startWhatIfMutation = graphql(`
  mutation StartWhatIf($input: StartWhatIfInput!) {
    startWhatIf(input: $input) {
      run {
        id
        status
        progressDone
        progressTotal
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

/** A what-if run, polled every second until DONE or FAILED. */
export const whatIfRunQuery = graphql(`
  query WhatIfRun($id: ID!) {
    whatIfRun(id: $id) {
      id
      months
      status
      progressDone
      progressTotal
      startedAt
      finishedAt
      error
      totalCost
      currentCost
      baseSalaryTotal
      bonusSharePercent
      version {
        id
        number
        status
      }
      monthly {
        month {
          kind
          start
        }
        variablePay
        currentVariablePay
        baseSalary
        employees
      }
      employees {
        employee {
          id
          name
          department
        }
        variablePay
        currentVariablePay
        baseSalary
        bonusSharePercent
      }
    }
  }
`);
