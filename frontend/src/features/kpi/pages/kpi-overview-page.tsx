import { useQuery } from '@apollo/client/react';
import { Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { departmentKpisQuery } from '../api/department-kpis';
import { departmentsQuery } from '../api/departments';
import { DepartmentSelect } from '../components/department-select';
import { KpiStat } from '../components/kpi-stat';
import { ManagersTable } from '../components/managers-table';
import { ActivityChart, AttainmentChart, FunnelChart } from '../components/overview-charts';
import { PeriodPicker } from '../components/period-picker';
import { VolumePlanChart } from '../components/volume-plan-chart';
import { useKpiCatalogue } from '../lib/use-catalogue';
import { usePeriodParam } from '../lib/use-period-param';
import { kpiMessages } from '../messages';

/** The headline cards of the overview, in this order. */
export const HEADLINE_KPIS = [
  'sales_volume',
  'deals_won',
  'average_deal',
  'team_plan_fulfilment',
  'average_sales_per_manager',
  'staff_turnover',
] as const;

/**
 * The department overview a sales head shows on Monday: the period and department, headline KPIs
 * against plan, volume vs plan over 12 periods, attainment by manager, the funnel, activity, and
 * every manager's numbers. Period and department live in the address.
 */
export function KpiOverviewPage({
  timeZone,
  currency,
  cardPath,
}: {
  timeZone: string;
  currency: string;
  cardPath: (employeeId: string) => string;
}) {
  const t = useMessages(kpiMessages);
  const [period, setPeriod] = usePeriodParam(timeZone);
  const [params, setParams] = useSearchParams();
  const departmentId = params.get('department');
  const setDepartment = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) {
        next.set('department', id);
      } else {
        next.delete('department');
      }
      return next;
    });
  const { byCode } = useKpiCatalogue();
  // A series is of an employee or a department: for the whole company, that of the portal's root
  // department (Bitrix24 has one, the company itself); with several roots there is none.
  const { data: tree } = useQuery(departmentsQuery);
  const roots = (tree?.departments ?? []).filter((d) => d.parentId === null);
  const seriesDepartment = departmentId ?? (roots.length === 1 ? roots[0]!.id : null);
  const { data, error, refetch } = useQuery(departmentKpisQuery, {
    variables: { departmentId, period },
  });
  const overview = data?.departmentKpis;
  const money = overview?.currency ?? currency;
  const reload = () => void refetch().catch(() => {});

  const content = () => {
    if (!overview) {
      return error ? (
        <ErrorDisplay error={error} onRetry={reload} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} data-testid="kpi-overview-loading" />
      );
    }
    const empty =
      overview.managers.length === 0 &&
      overview.values.every((v) => v.facts === 0 && v.value === null);
    if (empty) {
      return <Empty description={t.noData} data-testid="kpi-overview-empty" />;
    }
    const value = (code: string) => overview.values.find((v) => v.kpi.code === code);
    return (
      <Flex vertical gap="middle" data-testid="kpi-overview">
        <Row gutter={[16, 16]}>
          {HEADLINE_KPIS.map((code) => (
            <Col key={code} xs={24} sm={12} xl={8} xxl={4}>
              <KpiStat code={code} kpi={byCode.get(code)} value={value(code)} currency={money} />
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <VolumePlanChart
              subject={seriesDepartment ? { departmentId: seriesDepartment } : null}
              period={period}
              currency={money}
            />
          </Col>
          <Col xs={24} xl={12}>
            <AttainmentChart overview={overview} />
          </Col>
          <Col xs={24} xl={12}>
            <FunnelChart overview={overview} />
          </Col>
          <Col xs={24} xl={12}>
            <ActivityChart overview={overview} />
          </Col>
        </Row>
        <ManagersTable
          period={period}
          departmentId={departmentId}
          currency={money}
          byCode={byCode}
          cardPath={cardPath}
        />
      </Flex>
    );
  };

  return (
    <Flex vertical gap="middle">
      <title>{t.overviewTitle}</title>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.overviewTitle}
      </Typography.Title>
      <Flex gap="middle" wrap align="center">
        <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
        <DepartmentSelect value={departmentId} onChange={setDepartment} />
      </Flex>
      {overview && error && <ErrorDisplay error={error} onRetry={reload} />}
      {content()}
    </Flex>
  );
}
