import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EmployeeKpisQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import type { PeriodRef } from '@/shared/period';
import { employeeKpisQuery } from '../api/employee-kpis';
import { formatKpiValue } from '../lib/format-kpi';
import { periodSearch } from '../lib/use-period-param';
import type { KpiDefinition } from '../lib/use-catalogue';
import { kpiMessages } from '../messages';
import { AttainmentBar } from './attainment-bar';
import { KpiName } from './kpi-name';
import { KpiValueText } from './kpi-value-text';

/** The KPIs the managers table shows, in this order. */
export const MANAGER_TABLE_KPIS = [
  'sales_volume',
  'deals_won',
  'average_deal',
  'lead_conversion',
  'activity_total',
] as const;

const PAGE = 20;

type Row = EmployeeKpisQuery['employeeKpis']['edges'][number]['node'];

/** The department's employees with their main KPIs, 20 at a time («Показать ещё»). */
export function ManagersTable({
  period,
  departmentId,
  currency,
  byCode,
  cardPath,
}: {
  period: PeriodRef;
  departmentId: string | null;
  currency: string;
  byCode: ReadonlyMap<string, KpiDefinition>;
  cardPath: (employeeId: string) => string;
}) {
  const t = useMessages(kpiMessages);
  const { locale } = useI18n();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, error, loading, fetchMore, refetch } = useQuery(employeeKpisQuery, {
    variables: {
      period,
      departmentId,
      kpis: [...MANAGER_TABLE_KPIS],
      first: PAGE,
    },
    notifyOnNetworkStatusChange: false,
  });
  const connection = data?.employeeKpis;
  const rows = connection?.edges.map((e) => e.node) ?? [];

  const value = (row: Row, code: string) => row.values.find((v) => v.kpi.code === code);
  const columns = [
    {
      key: 'name',
      title: t.employee,
      fixed: 'left' as const,
      render: (_: unknown, row: Row) => (
        <Flex vertical>
          <Link to={cardPath(row.employee.id) + periodSearch(period)} data-testid="manager-name">
            {row.employee.name}
          </Link>
          {row.employee.position && (
            <Typography.Text type="secondary">{row.employee.position}</Typography.Text>
          )}
        </Flex>
      ),
    },
    ...MANAGER_TABLE_KPIS.map((code) => ({
      key: code,
      title: <KpiName kpi={byCode.get(code)} code={code} />,
      align: 'right' as const,
      render: (_: unknown, row: Row) => {
        const v = value(row, code);
        const unit = byCode.get(code)?.unit ?? 'COUNT';
        return (
          <Flex vertical align="end" gap={2}>
            <KpiValueText
              unit={unit}
              value={v?.value}
              currency={currency}
              reason={v ? v.undefinedReason : t.noData}
              testId={`manager-value-${code}`}
            />
            {v?.plan != null && (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.plan}: {formatKpiValue(unit, v.plan, currency, locale)}
                </Typography.Text>
                <AttainmentBar
                  attainment={v.attainment}
                  size="small"
                  testId={`manager-attainment-${code}`}
                />
              </>
            )}
          </Flex>
        );
      },
    })),
  ];

  const more = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: connection?.pageInfo.endCursor ?? null } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Card title={t.managers} size="small" data-testid="managers-table">
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      <Table<Row>
        rowKey={(row) => row.employee.id}
        columns={columns}
        dataSource={rows}
        loading={loading && !data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        locale={{ emptyText: t.noData }}
      />
      {connection && (
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" data-testid="managers-shown">
            {interpolate(t.shownOf, { shown: rows.length, total: connection.totalCount })}
          </Typography.Text>
          {connection.pageInfo.hasNextPage && (
            <Button loading={loadingMore} onClick={() => void more()} data-testid="managers-more">
              {t.showMore}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
