import { Card, Col, Empty, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { MyPayoutsQuery } from '@/gql/graphql';
import { useFragment as unmask } from '@/gql';
import { formatDateTime } from '@/shared/date-time';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { Money } from '@/shared/money';
import { periodLabel } from '@/shared/period';
import { statementLineFieldsFragment } from '../api/statement-line-fields';
import { payoutMessages } from '../messages';
import { StatementLines } from './statement-lines';

type Estimate = NonNullable<MyPayoutsQuery['myPayouts']['estimate']>;

/**
 * The live estimate of the running month: what it would pay if it ended now (total, base salary,
 * variable pay), how far the nearest threshold is (a bar at the server's percent and its words),
 * and the lines, each opening into its explanation like a statement's.
 */
export function EstimateCard({
  estimate,
  currency,
  timeZone,
}: {
  estimate: Estimate | null;
  currency: string;
  timeZone: string;
}) {
  const t = useMessages(payoutMessages);
  const { language, locale } = useI18n();
  if (!estimate) {
    return (
      <Card size="small" data-testid="estimate-card">
        <Empty description={t.noEstimate} />
      </Card>
    );
  }
  const threshold = estimate.nextThreshold;
  return (
    <Card
      size="small"
      data-testid="estimate-card"
      title={interpolate(t.estimateTitle, { month: periodLabel(estimate.period, language) })}
      extra={
        estimate.measuredAt && (
          <Typography.Text type="secondary" data-testid="estimate-measured-at">
            {interpolate(t.measuredAt, {
              at: formatDateTime(estimate.measuredAt, locale, timeZone),
            })}
          </Typography.Text>
        )
      }
    >
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t.estimateHint}</Typography.Text>
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={8}>
            <Statistic
              title={t.total}
              valueRender={() => (
                <Money value={estimate.total} currency={currency} testId="estimate-total" />
              )}
            />
          </Col>
          <Col xs={24} sm={8}>
            <Statistic
              title={t.variablePay}
              valueRender={() => (
                <Money
                  value={estimate.variablePay}
                  currency={currency}
                  testId="estimate-variable"
                />
              )}
            />
          </Col>
          <Col xs={24} sm={8}>
            <Statistic
              title={t.baseSalary}
              valueRender={() => (
                <Money value={estimate.baseSalary} currency={currency} testId="estimate-base" />
              )}
            />
          </Col>
        </Row>
        {threshold && (
          <div data-testid="estimate-threshold">
            <Typography.Text strong>
              {interpolate(t.nextThreshold, { component: threshold.componentName })}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">({threshold.measure})</Typography.Text>
            <Progress
              percent={Math.min(100, Math.max(0, threshold.percent))}
              data-testid="threshold-progress"
            />
            <Typography.Text data-testid="threshold-description">
              {threshold.description}
            </Typography.Text>
          </div>
        )}
        <StatementLines
          lines={unmask(statementLineFieldsFragment, estimate.lines)}
          currency={currency}
          testId="estimate-lines"
        />
      </Flex>
    </Card>
  );
}
