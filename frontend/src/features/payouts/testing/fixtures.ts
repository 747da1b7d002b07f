import type { MockedResponse } from '@apollo/client/testing';
import type { PayoutRunStatus } from '@/gql/graphql';
import '@/test/charts';
import { myPayoutsQuery } from '../api/my-payouts';
import { payoutInquiriesQuery } from '../api/payout-inquiries';
import { payoutRunQuery } from '../api/payout-run';
import { payoutRunsQuery } from '../api/payout-runs';
import { payoutStatementQuery } from '../api/payout-statement';

/**
 * Test data in the shape of payouts.graphqls. Amounts are worked by hand so every total is the sum
 * of its parts:
 *   November 2026 (Alfa): base 1 000 000,00 + variable 234 567,89 + adjustments 0 = 1 234 567,89;
 *   October 2026: base 1 000 000,00 + variable 198 000,00 − adjustments 1 500,50 = 1 196 499,50.
 *   Ivan's November statement: base 60 000,00 + variable 61 728,39 (1 234 567,89 × 5 %, half-up)
 *   − adjustment 1 500,50 (a lost deal of 30 010,00 × 5 %) = 120 227,89; October 118 000,00, so
 *   the change is +2 227,89.
 */

/** Intl's spaces (U+00A0, U+202F) as plain ones. */
export const plain = (text: string | null | undefined) =>
  (text ?? '').replace(/[\s\u00a0\u202f]/gu, ' ').trim();

const month = (start: string) => ({ __typename: 'Period' as const, kind: 'MONTH', start });

export const employees = {
  ivan: {
    __typename: 'PayEmployee' as const,
    id: 'e-ivan',
    name: 'Иван Петров',
    department: 'Отдел продаж',
  },
  olga: {
    __typename: 'PayEmployee' as const,
    id: 'e-olga',
    name: 'Ольга Смирнова',
    department: 'Отдел продаж',
  },
};

export function runRow(
  id: string,
  start: string,
  status: PayoutRunStatus,
  totals: { base: string; variable: string; adjustments: string; total: string },
) {
  return {
    __typename: 'PayoutRun' as const,
    id,
    period: month(start),
    status,
    revision: 1,
    employees: 2,
    baseTotal: totals.base,
    variableTotal: totals.variable,
    adjustmentTotal: totals.adjustments,
    total: totals.total,
  };
}

export const runsMock = (times = 3): MockedResponse => ({
  request: { query: payoutRunsQuery },
  result: {
    data: {
      payoutRuns: [
        runRow('r-nov', '2026-11-01', 'DRAFT', {
          base: '1000000.00',
          variable: '234567.89',
          adjustments: '0.00',
          total: '1234567.89',
        }),
        runRow('r-oct', '2026-10-01', 'PAID', {
          base: '1000000.00',
          variable: '198000.00',
          adjustments: '-1500.50',
          total: '1196499.50',
        }),
      ],
    },
  },
  maxUsageCount: times,
});

export function summary(
  id: string,
  employee: (typeof employees)['ivan'],
  amounts: { base: string; variable: string; adjustments: string; total: string },
  previousTotal: string | null,
  {
    runStatus = 'DRAFT',
    openInquiries = 0,
  }: { runStatus?: PayoutRunStatus; openInquiries?: number } = {},
) {
  return {
    __typename: 'StatementSummary' as const,
    id,
    employee,
    personnelNumber: employee.id === 'e-ivan' ? '000123' : null,
    period: month('2026-11-01'),
    runStatus,
    baseSalary: amounts.base,
    variablePay: amounts.variable,
    adjustments: amounts.adjustments,
    total: amounts.total,
    previousTotal,
    openInquiries,
  };
}

export interface RunOptions {
  status?: PayoutRunStatus;
  canApprove?: boolean;
  preparedBy?: string | null;
  approvedBy?: string | null;
  paidOn?: string | null;
  paymentReference?: string | null;
}

/** The November run of Alfa with Ivan's and Olga's statements. */
export function run({
  status = 'DRAFT',
  canApprove = true,
  preparedBy = 'Константин Консультант',
  approvedBy = null,
  paidOn = null,
  paymentReference = null,
}: RunOptions = {}) {
  return {
    __typename: 'PayoutRun' as const,
    id: 'r-nov',
    period: month('2026-11-01'),
    status,
    revision: 2,
    computedAt: '2026-12-02T09:00:00Z',
    preparedBy,
    preparedAt: preparedBy ? '2026-12-02T09:00:00Z' : null,
    approvedBy,
    approvedAt: approvedBy ? '2026-12-03T10:00:00Z' : null,
    paidOn,
    paymentReference,
    canApprove,
    employees: 2,
    baseTotal: '120000.00',
    variableTotal: '61728.39',
    adjustmentTotal: '-1500.50',
    total: '180227.89',
    exports: [
      ['XLSX', 'Ведомость (XLSX)', 'xlsx'],
      ['ZUP_XLSX', '1С:ЗУП (XLSX)', 'zup-xlsx'],
      ['ZUP_CSV', '1С:ЗУП (CSV)', 'zup-csv'],
    ].map(([kind, label, path]) => ({
      __typename: 'PayoutExport' as const,
      kind: kind!,
      label: label!,
      href: `/api/payouts/runs/r-nov/export/${path}`,
    })),
    statements: [
      summary(
        's-ivan',
        employees.ivan,
        { base: '60000.00', variable: '61728.39', adjustments: '-1500.50', total: '120227.89' },
        '118000.00',
        { runStatus: status, openInquiries: 1 },
      ),
      summary(
        's-olga',
        employees.olga,
        { base: '60000.00', variable: '0.00', adjustments: '0.00', total: '60000.00' },
        null,
        { runStatus: status },
      ),
    ],
  };
}

export const runMock = (value: ReturnType<typeof run> = run(), times = 3): MockedResponse => ({
  request: { query: payoutRunQuery, variables: { id: 'r-nov' } },
  result: { data: { payoutRun: value } },
  maxUsageCount: times,
});

/** The run's header fields as a mutation payload answers them (its statements' status too). */
export function runPayload(value: ReturnType<typeof run>) {
  return {
    ...value,
    statements: value.statements.map((s) => ({
      __typename: 'StatementSummary' as const,
      id: s.id,
      runStatus: s.runStatus,
    })),
  };
}

const deal = (id: string, title: string, amount: string, wonOn: string, change: string | null) => ({
  __typename: 'StatementDeal' as const,
  id,
  title,
  amount,
  wonOn,
  url: `https://alfa.bitrix24.ru/crm/deal/details/${id}/`,
  change,
});

export const lines = {
  base: {
    __typename: 'StatementLine' as const,
    id: 'l-base',
    kind: 'BASE',
    componentKey: null,
    name: 'Оклад',
    period: month('2026-11-01'),
    amount: '60000.00',
    paid: true,
    explanation: ['Оклад 60 000,00 ₽ за 30 из 30 дней'],
    deals: [],
    reason: null,
  },
  volume: {
    __typename: 'StatementLine' as const,
    id: 'l-volume',
    kind: 'COMPONENT',
    componentKey: 'volume_bonus',
    name: 'Премия с объёма',
    period: month('2026-11-01'),
    amount: '61728.39',
    paid: true,
    explanation: [
      'Объём продаж: 1 234 567,89 ₽ (2 сделки)',
      'Порог: 1 234 567,89 ₽ > 1 000 000,00 ₽ — выполнен',
      '1 234 567,89 ₽ × 5 % = 61 728,39 ₽',
    ],
    deals: [
      deal('101', 'Поставка оборудования', '1000000.00', '2026-11-12', null),
      deal('102', 'Сервисный контракт', '234567.89', '2026-11-25', null),
    ],
    reason: null,
  },
  clawback: {
    __typename: 'StatementLine' as const,
    id: 'l-clawback',
    kind: 'ADJUSTMENT',
    componentKey: 'volume_bonus',
    name: 'Корректировка: премия с объёма',
    period: month('2026-10-01'),
    amount: '-1500.50',
    paid: true,
    explanation: ['30 010,00 ₽ × 5 % = 1 500,50 ₽ к удержанию'],
    deals: [deal('95', 'Лицензии', '30010.00', '2026-10-20', 'LOST')],
    reason: 'Сделка «Лицензии» проиграна после утверждения октября',
  },
};

export function inquiry({
  status = 'OPEN',
  answered = false,
}: { status?: 'OPEN' | 'ANSWERED'; answered?: boolean } = {}) {
  return {
    __typename: 'Inquiry' as const,
    id: 'q-1',
    statementId: 's-ivan',
    lineId: 'l-volume',
    lineName: 'Премия с объёма',
    period: month('2026-11-01'),
    employee: { __typename: 'PayEmployee' as const, id: 'e-ivan', name: 'Иван Петров' },
    status,
    correction: answered ? '1500.50' : null,
    messages: [
      {
        __typename: 'InquiryMessage' as const,
        author: 'Иван Петров',
        side: 'MANAGER',
        text: 'Где сделка «Монтаж»?',
        at: '2026-12-04T08:00:00Z',
      },
      ...(answered
        ? [
            {
              __typename: 'InquiryMessage' as const,
              author: 'Администратор Альфа',
              side: 'ADMIN',
              text: 'Добавим в декабре',
              at: '2026-12-04T09:00:00Z',
            },
          ]
        : []),
    ],
  };
}

export function statement({
  inquiries = [] as ReturnType<typeof inquiry>[],
  runStatus = 'APPROVED' as PayoutRunStatus,
} = {}) {
  return {
    __typename: 'Statement' as const,
    id: 's-ivan',
    runId: 'r-nov',
    employee: employees.ivan,
    personnelNumber: '000123',
    period: month('2026-11-01'),
    runStatus,
    basis: ['Аккаунт-менеджеры, версия 1'],
    baseSalary: '60000.00',
    variablePay: '61728.39',
    adjustments: '-1500.50',
    total: '120227.89',
    previousTotal: '118000.00',
    change: '2227.89',
    lines: [lines.base, lines.volume, lines.clawback],
    notes: ['Квартальная премия выплачивается в декабре'],
    inquiries,
    downloadHref: '/api/payouts/statements/s-ivan/xlsx',
  };
}

export const statementMock = (
  value: ReturnType<typeof statement> = statement(),
  times = 1,
): MockedResponse => ({
  request: { query: payoutStatementQuery, variables: { id: 's-ivan' } },
  result: { data: { statement: value } },
  maxUsageCount: times,
});

export const inquiriesMock = (
  value: ReturnType<typeof inquiry>[] = [],
  times = 3,
): MockedResponse => ({
  request: { query: payoutInquiriesQuery },
  result: { data: { inquiries: value } },
  maxUsageCount: times,
});

/** Ivan's December estimate: 900 000 ₽ sold of the 1 000 000 ₽ gate, so 90 % of the way. */
export function myPayouts({
  total = '60000.00',
  percent = 90,
  linked = true,
}: { total?: string; percent?: number; linked?: boolean } = {}) {
  return {
    __typename: 'MyPayouts' as const,
    employee: linked ? employees.ivan : null,
    estimate: linked
      ? {
          __typename: 'PayoutEstimate' as const,
          period: month('2026-12-01'),
          measuredAt: '2026-12-10T07:30:00Z',
          baseSalary: '60000.00',
          variablePay: '0.00',
          total,
          lines: [
            {
              ...lines.volume,
              id: 'est-volume',
              period: month('2026-12-01'),
              amount: '0.00',
              paid: false,
              explanation: [
                'Объём продаж: 900 000,00 ₽',
                'Порог: 900 000,00 ₽ не > 1 000 000,00 ₽',
              ],
              deals: [lines.volume.deals[0]!],
            },
          ],
          nextThreshold: {
            __typename: 'EstimateThreshold' as const,
            componentName: 'Премия с объёма',
            measure: 'Объём продаж',
            current: '900000.00',
            target: '1000000.00',
            percent,
            description: 'Ещё 100 000,00 ₽ до порога 1 000 000,00 ₽: ставка 5 %',
          },
        }
      : null,
    statements: linked
      ? [
          summary(
            's-ivan',
            employees.ivan,
            { base: '60000.00', variable: '61728.39', adjustments: '-1500.50', total: '120227.89' },
            '118000.00',
            { runStatus: 'APPROVED' },
          ),
          {
            ...summary(
              's-ivan-oct',
              employees.ivan,
              { base: '60000.00', variable: '58000.00', adjustments: '0.00', total: '118000.00' },
              null,
              { runStatus: 'PAID' },
            ),
            period: month('2026-10-01'),
          },
        ]
      : [],
  };
}

export const myPayoutsMock = (
  value: ReturnType<typeof myPayouts> = myPayouts(),
  times = 1,
): MockedResponse => ({
  request: { query: myPayoutsQuery },
  result: { data: { myPayouts: value } },
  maxUsageCount: times,
});
