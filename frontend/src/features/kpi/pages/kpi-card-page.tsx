import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import { describeApiError, ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { employeeKpiCardQuery } from '../api/employee-kpi-card';
import { kpiCardFieldsFragment } from '../api/kpi-card-fields';
import { myKpiCardQuery } from '../api/my-kpi-card';
import { FactsDrawer } from '../components/facts-drawer';
import { KpiStat } from '../components/kpi-stat';
import { PeriodPicker } from '../components/period-picker';
import { VolumePlanChart } from '../components/volume-plan-chart';
import { useKpiCatalogue } from '../lib/use-catalogue';
import { periodSearch, usePeriodParam } from '../lib/use-period-param';
import { kpiMessages } from '../messages';

/**
 * One employee's KPI card: each value against its plan and the previous period, a small
 * volume-vs-plan chart, and a click on a value lists the facts behind it. `mine`: the signed-in
 * user's own card (myKpiCard); else the employee of the address (employeeKpiCard).
 */
export function KpiCardPage({
  mine,
  timeZone,
  overviewPath,
}: {
  mine: boolean;
  timeZone: string;
  /** Where «back» goes; null for a user who has no overview (a manager). */
  overviewPath: string | null;
}) {
  const t = useMessages(kpiMessages);
  const { employeeId = '' } = useParams();
  const [period, setPeriod] = usePeriodParam(timeZone);
  const [open, setOpen] = useState<string | null>(null);
  const { kpis, byCode } = useKpiCatalogue();
  const mineResult = useQuery(myKpiCardQuery, { variables: { period }, skip: !mine });
  const theirs = useQuery(employeeKpiCardQuery, {
    variables: { employeeId, period },
    skip: mine,
  });
  const result = mine ? mineResult : theirs;
  const raw = mine ? mineResult.data?.myKpiCard : theirs.data?.employeeKpiCard;
  const card = unmask(kpiCardFieldsFragment, raw);
  const loaded = mine ? mineResult.data !== undefined : theirs.data !== undefined;
  const reload = () => void result.refetch().catch(() => {});

  const content = () => {
    if (result.error && describeApiError(result.error).code === 'NOT_FOUND') {
      return (
        <Result
          status="404"
          title={t.notFoundTitle}
          subTitle={t.notFoundText}
          data-testid="kpi-card-not-found"
        />
      );
    }
    if (!loaded) {
      return result.error ? (
        <ErrorDisplay error={result.error} onRetry={reload} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} data-testid="kpi-card-loading" />
      );
    }
    if (!card) {
      return (
        <Result
          status="info"
          title={t.notLinkedTitle}
          subTitle={t.notLinkedText}
          data-testid="kpi-card-not-linked"
        />
      );
    }
    // The catalogue's order; a value the catalogue does not know yet goes last.
    const order = new Map((kpis ?? []).map((k, i) => [k.code, i]));
    const values = [...card.values].sort(
      (a, b) => (order.get(a.kpi.code) ?? 999) - (order.get(b.kpi.code) ?? 999),
    );
    const previous = (code: string) => card.previous.find((p) => p.kpi.code === code);
    const openDef = open ? byCode.get(open) : undefined;
    return (
      <Flex vertical gap="middle" data-testid="kpi-card">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="kpi-card-employee">
          {card.employee.name}
          {card.employee.position && (
            <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 8 }}>
              {card.employee.position}
            </Typography.Text>
          )}
        </Typography.Title>
        <Typography.Text type="secondary">{t.drillDownHint}</Typography.Text>
        <Row gutter={[16, 16]}>
          {values.map((v) => (
            <Col key={v.kpi.code} xs={24} sm={12} xl={8} xxl={6}>
              <KpiStat
                code={v.kpi.code}
                kpi={byCode.get(v.kpi.code)}
                value={v}
                previous={previous(v.kpi.code) ?? { value: null }}
                currency={card.currency}
                onOpen={() => setOpen(v.kpi.code)}
              />
            </Col>
          ))}
        </Row>
        <VolumePlanChart
          subject={{ employeeId: card.employee.id }}
          period={period}
          currency={card.currency}
          height={240}
        />
        {open && (
          <FactsDrawer
            kpi={openDef}
            code={open}
            subject={{ employeeId: card.employee.id }}
            period={period}
            currency={card.currency}
            timeZone={timeZone}
            onClose={() => setOpen(null)}
          />
        )}
      </Flex>
    );
  };

  return (
    <Flex vertical gap="middle">
      <title>{mine ? t.myCardTitle : t.cardTitle}</title>
      {overviewPath && !mine && (
        <Link to={overviewPath + periodSearch(period)} data-testid="back-to-overview">
          <ArrowLeftOutlined /> {t.backToOverview}
        </Link>
      )}
      <Typography.Title level={2} style={{ margin: 0 }}>
        {mine ? t.myCardTitle : t.cardTitle}
      </Typography.Title>
      <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
      {loaded && result.error && <ErrorDisplay error={result.error} onRetry={reload} />}
      {content()}
    </Flex>
  );
}
