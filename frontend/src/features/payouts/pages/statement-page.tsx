import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  Card,
  Col,
  Descriptions,
  Divider,
  Empty,
  Flex,
  Result,
  Row,
  Skeleton,
  Statistic,
  Typography,
} from 'antd';
import { Fragment } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import { describeApiError, ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { Money, MoneyDelta } from '@/shared/money';
import { periodLabel } from '@/shared/period';
import { inquiryFieldsFragment } from '../api/inquiry-fields';
import { payoutStatementQuery } from '../api/payout-statement';
import { statementLineFieldsFragment } from '../api/statement-line-fields';
import { AnswerInquiryForm } from '../components/answer-inquiry-form';
import { InquiryThread } from '../components/inquiry-thread';
import { RaiseInquiryForm } from '../components/raise-inquiry-form';
import { RunStatusTag } from '../components/run-status-tag';
import { StatementLines } from '../components/statement-lines';
import { payoutMessages } from '../messages';

/**
 * One statement: whose and which month, the schemes it was computed under, base salary, variable
 * pay, adjustments and total beside the previous month's; the lines, each opening into its
 * explanation, the deals behind it (links to Bitrix24) and an adjustment's reason; notes; the
 * inquiries with their threads. A manager asks about a line from the line itself; an admin answers
 * an open inquiry, with an optional correction.
 */
export function StatementPage({
  runPath,
  myPayoutsPath,
  canRaise,
  canAnswer,
  timeZone,
  currency,
}: {
  /** Where «back» goes for those who see runs; null for a manager. */
  runPath: ((runId: string) => string) | null;
  myPayoutsPath: string | null;
  canRaise: boolean;
  canAnswer: boolean;
  timeZone: string;
  currency: string;
}) {
  const t = useMessages(payoutMessages);
  const { language } = useI18n();
  const { statementId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(payoutStatementQuery, {
    variables: { id: statementId },
    fetchPolicy: 'cache-and-network',
  });

  const backTo = (runId: string | null) =>
    runPath && runId ? (
      <Link to={runPath(runId)} data-testid="back-to-run">
        <ArrowLeftOutlined /> {t.backToRun}
      </Link>
    ) : myPayoutsPath ? (
      <Link to={myPayoutsPath} data-testid="back-to-mine">
        <ArrowLeftOutlined /> {t.backToMine}
      </Link>
    ) : null;

  if (
    (data && !data.statement) ||
    (error && !data && describeApiError(error).code === 'NOT_FOUND')
  ) {
    return (
      <Result
        status="404"
        title={t.statementNotFound}
        extra={backTo(null)}
        data-testid="statement-not-found"
      />
    );
  }
  if (error && !data) {
    return <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />;
  }
  if (loading && !data) {
    return <Skeleton active />;
  }
  const statement = data!.statement!;
  const lines = unmask(statementLineFieldsFragment, statement.lines);
  const inquiries = unmask(inquiryFieldsFragment, statement.inquiries);
  const month = periodLabel(statement.period, language);

  return (
    <Flex vertical gap="middle" data-testid="statement">
      {backTo(statement.runId)}
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Flex align="center" gap="small" wrap>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="statement-title">
            {interpolate(t.statementTitle, { name: statement.employee.name, month })}
          </Typography.Title>
          <RunStatusTag status={statement.runStatus} />
        </Flex>
        <a href={statement.downloadHref} download data-testid="statement-download">
          <DownloadOutlined /> {t.downloadStatement}
        </a>
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'employee',
            label: t.colEmployee,
            children: [statement.employee.name, statement.employee.department]
              .filter(Boolean)
              .join(', '),
          },
          { key: 'period', label: t.colPeriod, children: month },
          {
            key: 'personnelNumber',
            label: t.personnelNumber,
            children: statement.personnelNumber ?? '—',
          },
          {
            key: 'basis',
            label: t.basis,
            children: (
              <span data-testid="statement-basis">
                {statement.basis.length > 0 ? statement.basis.join('; ') : '—'}
              </span>
            ),
          },
        ]}
      />
      <Row gutter={[16, 16]} data-testid="statement-totals">
        {(
          [
            ['base', t.baseSalary, statement.baseSalary],
            ['variable', t.variablePay, statement.variablePay],
            ['adjustments', t.adjustments, statement.adjustments],
            ['total', t.total, statement.total],
            ['previous', t.previousTotal, statement.previousTotal],
          ] as const
        ).map(([key, title, value]) => (
          <Col xs={12} md={4} key={key}>
            <Statistic
              title={title}
              valueRender={() => (
                <Money value={value} currency={currency} testId={`statement-${key}`} />
              )}
            />
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Statistic
            title={t.change}
            valueRender={() =>
              statement.change === null ? (
                '—'
              ) : (
                <MoneyDelta
                  value={statement.change}
                  currency={currency}
                  testId="statement-change"
                />
              )
            }
          />
        </Col>
      </Row>
      <Card size="small" title={t.lines}>
        <Typography.Paragraph type="secondary">{t.linesHint}</Typography.Paragraph>
        <StatementLines
          lines={lines}
          currency={currency}
          {...(canRaise
            ? {
                renderExtra: (line) => <RaiseInquiryForm lineId={line.id} lineName={line.name} />,
              }
            : {})}
        />
      </Card>
      {statement.notes.length > 0 && (
        <Card size="small" title={t.notes}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="statement-notes">
            {statement.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card size="small" title={t.inquiries} data-testid="statement-inquiries">
        {inquiries.length === 0 ? (
          <Empty description={t.noInquiries} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          inquiries.map((inquiry, i) => (
            <Fragment key={inquiry.id}>
              {i > 0 && <Divider style={{ margin: '12px 0' }} />}
              <InquiryThread inquiry={inquiry} currency={currency} timeZone={timeZone} />
              {canAnswer && inquiry.status === 'OPEN' && (
                <AnswerInquiryForm inquiryId={inquiry.id} lineName={inquiry.lineName} />
              )}
            </Fragment>
          ))
        )}
      </Card>
    </Flex>
  );
}
