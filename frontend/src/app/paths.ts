import { identityPaths } from '@/features/identity/lib/paths';

/** Client-side routes. The backend answers any unknown GET that accepts HTML with index.html. */
export const paths = {
  overview: '/',
  currencies: '/reference/currencies',
  clientCompanies: '/console/client-companies',
  users: '/settings/users',
  integration: '/integration',
  kpi: '/kpi',
  myKpis: '/kpi/me',
  kpiPlans: '/kpi/plans',
  /** One employee's KPI card: `${paths.kpiEmployees}/<id>`. */
  kpiEmployees: '/kpi/employees',
  /** Compensation schemes; one scheme: `${paths.schemes}/<id>`. */
  schemes: '/schemes',
  /** The consultancy's template library; one template: `${paths.library}/<id>`. */
  library: '/library',
  /** The tenant's payout runs; one run: `${paths.payouts}/<id>`. */
  payouts: '/payouts',
  /** One statement: `${paths.payoutStatements}/<id>` (managers reach their own). */
  payoutStatements: '/payouts/statements',
  /** Personnel numbers and organisations of the tenant's employees (the 1C:ZUP export). */
  payrollProfiles: '/payouts/profiles',
  /** A manager's own payouts: estimate, history, inquiries. */
  myPayouts: '/my-payouts',
  /** The tenant's bonus regulations: versions, acknowledgements, details and own sections. */
  regulations: '/regulations',
  /** What changed between two versions: `${paths.regulationsDiff}?from=<id>&to=<id>`. */
  regulationsDiff: '/regulations/diff',
  /** A manager's own regulations: read and acknowledge. */
  myRegulations: '/my-regulations',
  ...identityPaths,
} as const;
