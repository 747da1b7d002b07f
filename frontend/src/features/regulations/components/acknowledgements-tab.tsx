import { BellOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Empty, Flex, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { RegulationsQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { remindRegulationsMutation } from '../api/remind-regulations';
import { formatMinute } from '../lib/dates';
import { regulationsMessages } from '../messages';

type Acknowledgements = NonNullable<
  NonNullable<RegulationsQuery['regulations']['current']>['acknowledgements']
>;
type Row = Acknowledgements['employees'][number];

/** Those who have not acknowledged first; otherwise the server's order (by name). */
export function pendingFirst(rows: readonly Row[]): Row[] {
  return [...rows].sort(
    (a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null),
  );
}

/** «acknowledged x of y» with a progress bar, for the page header and this tab. */
export function AcknowledgedProgress({
  acknowledged,
  total,
}: {
  acknowledged: number;
  total: number;
}) {
  const t = useMessages(regulationsMessages);
  return (
    <Flex vertical gap={4} style={{ minWidth: 220 }} data-testid="acknowledged-progress">
      <Typography.Text data-testid="acknowledged-count">
        {interpolate(t.acknowledgedOf, { acknowledged, total })}
      </Typography.Text>
      <Progress
        percent={total === 0 ? 0 : Math.floor((acknowledged * 100) / total)}
        size="small"
        status={total > 0 && acknowledged === total ? 'success' : 'normal'}
      />
    </Flex>
  );
}

/**
 * «Ознакомление» of the current version: every employee in its scope, those pending first, with
 * when he acknowledged; «Напомнить» (`remindRegulations`) notifies the pending ones in Bitrix24
 * and says how many the portal accepted.
 */
export function AcknowledgementsTab({
  documentId,
  acknowledgements,
  canRemind,
  timeZone,
}: {
  documentId: string;
  acknowledgements: Acknowledgements;
  canRemind: boolean;
  timeZone: string;
}) {
  const t = useMessages(regulationsMessages);
  const [remind, { loading, error }] = useMutation(remindRegulationsMutation);
  const [result, setResult] = useState<{ notified: number; pending: number } | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const pending = acknowledgements.total - acknowledgements.acknowledged;

  const onRemind = async () => {
    const { data } = await remind({ variables: { input: { id: documentId } } });
    const payload = data?.remindRegulations;
    if (!payload) {
      return;
    }
    setErrors(payload.errors);
    setResult(payload.errors.length === 0 ? payload : null);
  };

  return (
    <Flex vertical gap="middle" data-testid="acknowledgements">
      <Flex gap="large" align="center" wrap>
        <AcknowledgedProgress
          acknowledged={acknowledgements.acknowledged}
          total={acknowledgements.total}
        />
        {canRemind && (
          <Tooltip title={pending === 0 ? t.nobodyPending : t.remindHint}>
            <Button
              icon={<BellOutlined />}
              onClick={() => void onRemind().catch(() => {})}
              loading={loading}
              disabled={pending === 0}
              data-testid="remind"
            >
              {t.remind}
            </Button>
          </Tooltip>
        )}
      </Flex>
      {result && (
        <Alert
          type={result.notified === result.pending ? 'success' : 'warning'}
          showIcon
          title={interpolate(t.reminded, result)}
          data-testid="reminded"
        />
      )}
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
      <Table<Row>
        rowKey={(r) => r.employee.id}
        dataSource={pendingFirst(acknowledgements.employees)}
        pagination={acknowledgements.employees.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: <Empty description={t.noEmployees} /> }}
        data-testid="acknowledgements-table"
        columns={[
          {
            title: t.colEmployee,
            key: 'name',
            render: (_, r) => <span data-testid="ack-name">{r.employee.name}</span>,
          },
          {
            title: t.colDepartment,
            key: 'department',
            render: (_, r) => r.employee.department ?? '—',
          },
          {
            title: t.colAcknowledged,
            key: 'acknowledgedAt',
            render: (_, r) =>
              r.acknowledgedAt ? (
                <span data-testid="ack-at" data-acknowledged="true">
                  {formatMinute(r.acknowledgedAt, timeZone)}
                </span>
              ) : (
                <Tag color="orange" data-testid="ack-at" data-acknowledged="false">
                  {t.notAcknowledged}
                </Tag>
              ),
          },
        ]}
      />
    </Flex>
  );
}
