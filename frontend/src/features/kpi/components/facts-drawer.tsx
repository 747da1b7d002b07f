import { ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { KpiFactKind, KpiFactsQuery, KpiSubjectInput } from '@/gql/graphql';
import { formatDate } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { formatMoney, isDecimalString } from '@/shared/money';
import type { PeriodRef } from '@/shared/period';
import { kpiFactsQuery } from '../api/kpi-facts';
import type { KpiDefinition } from '../lib/use-catalogue';
import { kpiMessages } from '../messages';

type Fact = KpiFactsQuery['kpiFacts']['edges'][number]['node'];

const PAGE = 50;

/** Kinds by name, not by the generated union: a kind the API adds later still shows. */
const KIND_COLORS: Readonly<Record<string, string>> = {
  DEAL: 'blue',
  LEAD: 'purple',
  ACTIVITY: 'cyan',
  CLIENT: 'gold',
  EMPLOYEE: 'green',
};

/**
 * The drill-down: the deals, leads, activities or clients that made one KPI value, 50 at a time,
 * each with its date (in the company's time zone), amounts, why it counts and a link to Bitrix24.
 */
export function FactsDrawer({
  kpi,
  code,
  subject,
  period,
  currency,
  timeZone,
  onClose,
}: {
  kpi: KpiDefinition | undefined;
  code: string;
  subject: KpiSubjectInput;
  period: PeriodRef;
  currency: string;
  timeZone: string;
  onClose: () => void;
}) {
  const t = useMessages(kpiMessages);
  const { language, locale } = useI18n();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, error, loading, fetchMore, refetch } = useQuery(kpiFactsQuery, {
    variables: { kpi: code, subject, period, first: PAGE },
  });
  const connection = data?.kpiFacts;
  const facts = connection?.edges.map((e) => e.node) ?? [];
  const name = kpi ? (language === 'ru' ? kpi.nameRu : kpi.nameEn) : code;
  const money = (amount: string | null, code: string | null) =>
    amount !== null && isDecimalString(amount) ? formatMoney(amount, code ?? currency, locale) : '';

  const kindLabel = (kind: KpiFactKind | string) => {
    const key = `kind${kind}`;
    return key in t ? t[key as keyof typeof t] : kind;
  };

  const columns = [
    {
      key: 'kind',
      title: t.factKind,
      render: (_: unknown, f: Fact) => (
        <Tag color={KIND_COLORS[f.kind] ?? 'default'}>{kindLabel(f.kind)}</Tag>
      ),
    },
    {
      key: 'at',
      title: t.factDate,
      render: (_: unknown, f: Fact) => (f.at ? formatDate(f.at, locale, timeZone) : '—'),
    },
    {
      key: 'title',
      title: t.factTitle,
      render: (_: unknown, f: Fact) =>
        f.url ? (
          <a href={f.url} target="_blank" rel="noopener noreferrer" title={t.openInBitrix}>
            {f.title} <ExportOutlined />
          </a>
        ) : (
          f.title
        ),
    },
    {
      key: 'amount',
      title: t.factAmount,
      align: 'right' as const,
      render: (_: unknown, f: Fact) => money(f.amount, f.currency),
    },
    {
      key: 'amountInTenantCurrency',
      title: t.factAmountTenant,
      align: 'right' as const,
      render: (_: unknown, f: Fact) =>
        f.amountInTenantCurrency !== null ? (
          money(f.amountInTenantCurrency, currency)
        ) : f.amount !== null ? (
          <Typography.Text type="danger">{t.noRate}</Typography.Text>
        ) : (
          ''
        ),
    },
    {
      key: 'note',
      title: t.factNote,
      render: (_: unknown, f: Fact) => f.note ?? '',
    },
  ];

  return (
    <Drawer
      open
      size="large"
      width={960}
      title={interpolate(t.factsTitle, { kpi: name })}
      onClose={onClose}
      data-testid="facts-drawer"
    >
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      <Table<Fact>
        rowKey={(f) => `${f.kind}:${f.sourceId}`}
        columns={columns}
        dataSource={facts}
        loading={loading && !data}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noFacts }}
        data-testid="facts-table"
      />
      {connection && (
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" data-testid="facts-shown">
            {interpolate(t.shownOf, { shown: facts.length, total: connection.totalCount })}
          </Typography.Text>
          {connection.pageInfo.hasNextPage && (
            <Button
              loading={loadingMore}
              data-testid="facts-more"
              onClick={() => {
                setLoadingMore(true);
                void fetchMore({ variables: { after: connection.pageInfo.endCursor ?? null } })
                  .catch(() => {})
                  .finally(() => setLoadingMore(false));
              }}
            >
              {t.showMore}
            </Button>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
