import {
  ArrowLeftOutlined,
  CheckOutlined,
  DownloadOutlined,
  ReloadOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import type { PayoutRunFieldsFragment, StatementSummaryFieldsFragment } from '@/gql/graphql';
import { formatDateTime, formatDay } from '@/shared/date-time';
import { describeApiError, ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { Money, MoneyDelta } from '@/shared/money';
import { subtractDecimals } from '@/shared/numbers';
import { periodLabel } from '@/shared/period';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { approvePayoutRunMutation } from '../api/approve-payout-run';
import { payoutRunQuery } from '../api/payout-run';
import { payoutRunFieldsFragment } from '../api/payout-run-fields';
import { preparePayoutRunMutation } from '../api/prepare-payout-run';
import { statementSummaryFieldsFragment } from '../api/statement-summary-fields';
import { MarkPaidModal } from '../components/mark-paid-modal';
import { RunStatusTag } from '../components/run-status-tag';
import { payoutMessages, type PayoutTexts } from '../messages';

type Run = PayoutRunFieldsFragment;
type Summary = StatementSummaryFieldsFragment;

/** The signed-in user, to tell him that the run he prepared is not his to approve. */
export interface Me {
  name: string;
  email: string;
}

/**
 * One run: its header (status, revision, who prepared and approved it and when, the payment), its
 * totals, the downloads, and a row per statement linking to it. Those who manage runs approve a
 * draft (unless they prepared it: the button says why) and recompute it; accountants and admins
 * mark an approved run paid.
 */
export function PayoutRunPage({
  payoutsPath,
  statementPath,
  canPrepare,
  canMarkPaid,
  me,
  timeZone,
  currency,
}: {
  payoutsPath: string;
  statementPath: (id: string) => string;
  canPrepare: boolean;
  canMarkPaid: boolean;
  me: Me;
  timeZone: string;
  currency: string;
}) {
  const t = useMessages(payoutMessages);
  const { language, locale } = useI18n();
  const { runId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(payoutRunQuery, {
    variables: { id: runId },
    fetchPolicy: 'cache-and-network',
  });
  const [paying, setPaying] = useState(false);

  const back = (
    <Link to={payoutsPath}>
      <ArrowLeftOutlined /> {t.backToRuns}
    </Link>
  );
  if (
    (data && !data.payoutRun) ||
    (error && !data && describeApiError(error).code === 'NOT_FOUND')
  ) {
    return <Result status="404" title={t.runNotFound} extra={back} data-testid="run-not-found" />;
  }
  if (error && !data) {
    return <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />;
  }
  if (loading && !data) {
    return <Skeleton active />;
  }
  const raw = data!.payoutRun!;
  const run = unmask(payoutRunFieldsFragment, raw);
  const statements = unmask(statementSummaryFieldsFragment, raw.statements);
  const month = periodLabel(run.period, language);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, timeZone) : null);

  return (
    <Flex vertical gap="middle" data-testid="payout-run" data-status={run.status}>
      {back}
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="small">
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="run-title">
            {interpolate(t.runTitle, { month })}
          </Typography.Title>
          <RunStatusTag status={run.status} />
        </Flex>
        <RunActions
          run={run}
          month={month}
          canPrepare={canPrepare}
          canMarkPaid={canMarkPaid}
          me={me}
          onMarkPaid={() => setPaying(true)}
        />
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        data-testid="run-header"
        items={[
          { key: 'revision', label: t.revision, children: run.revision },
          { key: 'computedAt', label: t.computedAt, children: when(run.computedAt) },
          {
            key: 'prepared',
            label: t.preparedBy,
            children: (
              <span data-testid="run-prepared">
                {run.preparedBy
                  ? interpolate(t.byAt, { who: run.preparedBy, at: when(run.preparedAt) ?? '' })
                  : t.notYet}
              </span>
            ),
          },
          {
            key: 'approved',
            label: t.approvedBy,
            children: (
              <span data-testid="run-approved">
                {run.approvedBy
                  ? interpolate(t.byAt, { who: run.approvedBy, at: when(run.approvedAt) ?? '' })
                  : t.notYet}
              </span>
            ),
          },
          {
            key: 'paid',
            label: t.paid,
            children: (
              <span data-testid="run-paid">
                {run.paidOn
                  ? interpolate(t.paidOnRef, {
                      date: formatDay(run.paidOn, locale),
                      reference: run.paymentReference ?? '—',
                    })
                  : t.notYet}
              </span>
            ),
          },
        ]}
      />
      <Totals run={run} currency={currency} t={t} />
      <Card size="small" title={t.exports} data-testid="run-exports">
        {run.exports.length === 0 ? (
          <Typography.Text type="secondary">{t.noExports}</Typography.Text>
        ) : (
          <Flex gap="middle" wrap>
            {run.exports.map((file) => (
              // The 1C:ZUP files come one pair per organisation: several links of one kind.
              <a
                key={file.href}
                href={file.href}
                download
                data-testid="run-export"
                data-kind={file.kind}
              >
                <DownloadOutlined /> {file.label}
              </a>
            ))}
          </Flex>
        )}
      </Card>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t.statements}
      </Typography.Title>
      <Table<Summary>
        size="small"
        rowKey="id"
        dataSource={statements as Summary[]}
        pagination={statements.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t.noStatements }}
        data-testid="run-statements"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t.colEmployee,
            key: 'employee',
            render: (_, s) => (
              <Flex vertical>
                <Link to={statementPath(s.id)} data-testid="statement-link">
                  {s.employee.name}
                </Link>
                {s.employee.department && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.employee.department}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t.colPersonnelNumber,
            key: 'personnelNumber',
            render: (_, s) => s.personnelNumber ?? '—',
          },
          ...(
            [
              ['base', t.colBase, 'baseSalary'],
              ['variable', t.colVariable, 'variablePay'],
              ['adjustments', t.colAdjustments, 'adjustments'],
              ['total', t.colTotal, 'total'],
              ['previous', t.colPrevious, 'previousTotal'],
            ] as const
          ).map(([key, title, field]) => ({
            title,
            key,
            align: 'right' as const,
            render: (_: unknown, s: Summary) => (
              <Money value={s[field]} currency={currency} testId={`statement-${key}`} />
            ),
          })),
          {
            title: t.colChange,
            key: 'change',
            align: 'right',
            render: (_, s) =>
              s.previousTotal === null ? (
                '—'
              ) : (
                <MoneyDelta
                  value={subtractDecimals(s.total, s.previousTotal)}
                  currency={currency}
                  testId="statement-change"
                />
              ),
          },
          {
            title: t.colInquiries,
            key: 'inquiries',
            align: 'right',
            render: (_, s) =>
              s.openInquiries > 0 ? (
                <Badge count={s.openInquiries} data-testid="statement-inquiries" />
              ) : (
                '—'
              ),
          },
        ]}
      />
      {canMarkPaid && (
        <MarkPaidModal
          open={paying}
          runId={run.id}
          monthLabel={month}
          onClose={() => setPaying(false)}
        />
      )}
    </Flex>
  );
}

function Totals({ run, currency, t }: { run: Run; currency: string; t: PayoutTexts }) {
  const items = [
    ['base', t.colBase, run.baseTotal],
    ['variable', t.colVariable, run.variableTotal],
    ['adjustments', t.colAdjustments, run.adjustmentTotal],
    ['total', t.colTotal, run.total],
  ] as const;
  return (
    <Row gutter={[16, 16]} data-testid="run-totals">
      <Col xs={12} md={4}>
        <Statistic title={t.colEmployees} value={run.employees} />
      </Col>
      {items.map(([key, title, value]) => (
        <Col xs={12} md={5} key={key}>
          <Statistic
            title={title}
            valueRender={() => <Money value={value} currency={currency} testId={`total-${key}`} />}
          />
        </Col>
      ))}
    </Row>
  );
}

/** Whether `preparedBy` (a name, maybe with the e-mail) names the signed-in user. */
function preparedByMe(preparedBy: string | null, me: Me): boolean {
  if (!preparedBy) {
    return false;
  }
  const text = preparedBy.toLocaleLowerCase();
  return text === me.name.toLocaleLowerCase() || text.includes(me.email.toLocaleLowerCase());
}

/**
 * What may be done with the run now: approve and recompute a draft (those who manage runs), mark
 * an approved run paid (accountants, admins). Approving is refused by the server to the run's
 * preparer; the button says so beforehand (`canApprove`), and a refusal's message is shown anyway.
 */
function RunActions({
  run,
  month,
  canPrepare,
  canMarkPaid,
  me,
  onMarkPaid,
}: {
  run: Run;
  month: string;
  canPrepare: boolean;
  canMarkPaid: boolean;
  me: Me;
  onMarkPaid: () => void;
}) {
  const t = useMessages(payoutMessages);
  const { message } = App.useApp();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [approve, approving] = useMutation(approvePayoutRunMutation);
  const [prepare, preparing] = useMutation(preparePayoutRunMutation, {
    // A recomputed draft has new statements: ask for the run again, but only when it was made.
    refetchQueries: ({ data }) => (data?.preparePayoutRun.run ? [payoutRunQuery] : []),
    awaitRefetchQueries: true,
  });

  const doApprove = async () => {
    const { data } = await approve({ variables: { input: { runId: run.id } } });
    const payload = data?.approvePayoutRun;
    if (!payload?.run) {
      setErrors(payload?.errors ?? []);
      return;
    }
    setErrors([]);
    message.success(interpolate(t.approved, { month }));
  };
  const doRecompute = async () => {
    const { data } = await prepare({ variables: { input: { month: run.period.start } } });
    const payload = data?.preparePayoutRun;
    if (!payload?.run) {
      setErrors(payload?.errors ?? []);
      return;
    }
    setErrors([]);
    message.success(
      interpolate(t.recomputed, {
        month,
        revision: unmask(payoutRunFieldsFragment, payload.run).revision,
      }),
    );
  };

  const draft = run.status === 'DRAFT';
  const reason =
    draft && canPrepare && !run.canApprove
      ? preparedByMe(run.preparedBy, me)
        ? t.approveOwnRun
        : t.approveNotAllowed
      : null;
  const failure = approving.error ?? preparing.error;

  return (
    <Flex vertical gap="small" align="flex-end" style={{ maxWidth: 560 }}>
      <Flex gap="small" wrap justify="flex-end">
        {draft && canPrepare && (
          <Button
            icon={<ReloadOutlined />}
            loading={preparing.loading}
            onClick={() => void doRecompute().catch(() => {})}
            data-testid="recompute-run"
          >
            {t.recompute}
          </Button>
        )}
        {draft && canPrepare && (
          <Popconfirm
            title={interpolate(t.approveConfirm, { month })}
            okText={t.approve}
            cancelText={t.cancel}
            okButtonProps={{ 'data-testid': 'approve-confirm' }}
            onConfirm={() => doApprove().catch(() => {})}
            disabled={!run.canApprove}
          >
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={!run.canApprove}
              loading={approving.loading}
              data-testid="approve-run"
            >
              {t.approve}
            </Button>
          </Popconfirm>
        )}
        {run.status === 'APPROVED' && canMarkPaid && (
          <Button
            type="primary"
            icon={<WalletOutlined />}
            onClick={onMarkPaid}
            data-testid="mark-paid"
          >
            {t.markPaid}
          </Button>
        )}
      </Flex>
      {reason && <Alert type="warning" showIcon title={reason} data-testid="approve-reason" />}
      <FormErrors errors={errors} />
      {failure && <ErrorDisplay error={failure} />}
    </Flex>
  );
}
