import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { SchemeDefinitionInput, SchemePreviewQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, useI18n, useMessages } from '@/shared/i18n';
import { Money, MoneyDelta } from '@/shared/money';
import { closedMonths } from '@/shared/period';
import type { UserErrorLike } from '@/shared/user-errors';
import { schemePreviewQuery } from '../api/scheme-preview';
import { formatMonth } from '../lib/months';
import { useDebounced } from '../lib/use-debounced';
import { compensationMessages } from '../messages';
import { BoundaryPreview } from './boundary-preview';

/** How long typing must pause before the preview asks the server. */
export const PREVIEW_DEBOUNCE_MS = 400;

type Preview = NonNullable<SchemePreviewQuery['schemePreview']['preview']>;
type Row = Preview['rows'][number];

/**
 * What each employee would earn in a closed month under the edited definition (unsaved, as typed),
 * beside what the version in force pays: a row per employee with the difference coloured, totals,
 * each row opening into its lines and their explanations; below, the boundary preview. Asks again
 * ~400 ms after the last change; with the form invalid it waits. The server's errors about the
 * definition go to `onErrors` (the editor puts them on their fields).
 */
export function LivePreview({
  schemeId,
  definition,
  timeZone,
  currency,
  onErrors,
}: {
  schemeId: string;
  /** null while the form has errors of its own. */
  definition: SchemeDefinitionInput | null;
  timeZone: string;
  currency: string;
  onErrors: (errors: readonly UserErrorLike[]) => void;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const [month, setMonth] = useState<string | undefined>(undefined);
  const months = useMemo(() => closedMonths(timeZone, 12), [timeZone]);

  // Debounce the JSON, so equal definitions are one key and re-renders do not refetch.
  const key = useDebounced(definition ? JSON.stringify(definition) : null, PREVIEW_DEBOUNCE_MS);
  const settled = useMemo(() => (key ? (JSON.parse(key) as SchemeDefinitionInput) : null), [key]);
  const { data, previousData, loading, error, refetch } = useQuery(schemePreviewQuery, {
    variables: { input: { schemeId, definition: settled!, ...(month ? { month } : {}) } },
    skip: !settled,
    fetchPolicy: 'cache-and-network',
  });
  const payload = (data ?? previousData)?.schemePreview;
  const errors = data?.schemePreview.errors;
  useEffect(() => {
    if (errors) {
      onErrors(errors);
    }
  }, [errors, onErrors]);

  const preview = payload?.preview ?? null;
  const columns = [
    {
      title: t.colEmployee,
      key: 'employee',
      render: (_: unknown, row: Row) => (
        <Flex vertical>
          <span data-testid="preview-name">{row.employee.name}</span>
          {row.employee.department && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.employee.department}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t.colCurrent,
      key: 'current',
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <Money value={row.current?.variablePay} currency={currency} testId="preview-current" />
      ),
    },
    {
      title: t.colEdited,
      key: 'edited',
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <Money value={row.edited.variablePay} currency={currency} testId="preview-edited" />
      ),
    },
    {
      title: t.colDelta,
      key: 'delta',
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <MoneyDelta value={row.delta} currency={currency} testId="preview-delta" />
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t.previewTitle}
      data-testid="live-preview"
      data-loading={loading ? 'true' : 'false'}
      extra={
        <Flex gap="small" align="center">
          <Typography.Text type="secondary">{t.previewMonth}</Typography.Text>
          <Select<string>
            value={month ?? ''}
            onChange={(v) => setMonth(v || undefined)}
            style={{ width: 200 }}
            options={[
              { value: '', label: t.lastClosed },
              ...months.map((m) => ({ value: m, label: formatMonth(m, locale) })),
            ]}
            data-testid="preview-month"
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t.previewHint}</Typography.Paragraph>
      {!definition && (
        <Alert type="info" showIcon title={t.previewInvalid} style={{ marginBottom: 12 }} />
      )}
      {error && <ErrorDisplay error={error} onRetry={() => void refetch()} />}
      {payload && payload.errors.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t.fixErrors}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {payload.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="preview-errors"
        />
      )}
      {!payload && !error && definition && <Skeleton active />}
      {preview && (
        <>
          <Typography.Text strong data-testid="preview-month-label">
            {formatMonth(preview.month.start, locale)}
          </Typography.Text>
          <Table<Row>
            size="small"
            rowKey={(row) => row.employee.id}
            columns={columns}
            dataSource={preview.rows}
            pagination={false}
            loading={loading}
            locale={{ emptyText: <Empty description={t.previewEmpty} /> }}
            style={{ marginTop: 8 }}
            data-testid="preview-table"
            expandable={{
              expandedRowRender: (row) => <PreviewLines row={row} currency={currency} />,
            }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} />
                <Table.Summary.Cell index={1}>
                  <Typography.Text strong>{t.total}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Money
                    value={preview.currentTotal}
                    currency={currency}
                    testId="preview-current-total"
                  />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Money
                    value={preview.editedTotal}
                    currency={currency}
                    testId="preview-edited-total"
                  />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} />
              </Table.Summary.Row>
            )}
          />
          <BoundaryPreview boundaries={preview.boundaries} currency={currency} />
        </>
      )}
    </Card>
  );
}

/** One employee's lines under the edited definition, each with its explanation step by step. */
function PreviewLines({ row, currency }: { row: Row; currency: string }) {
  const t = useMessages(compensationMessages);
  return (
    <Flex vertical gap="small" data-testid={`preview-lines-${row.employee.id}`}>
      {row.edited.lines.map((line) => (
        <div
          key={`${line.componentKey}:${line.period.start}`}
          data-testid={`preview-line-${line.componentKey}`}
        >
          <Flex gap="small" align="baseline" justify="space-between">
            <Typography.Text strong>{line.componentName}</Typography.Text>
            <Flex gap="small" align="baseline">
              {!line.paid && <Tag>{t.lineNotPaid}</Tag>}
              <Money value={line.amount} currency={currency} testId="preview-line-amount" />
            </Flex>
          </Flex>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {line.explanation.map((step, i) => (
              <li key={i}>
                <Typography.Text type="secondary">{step}</Typography.Text>
              </li>
            ))}
          </ol>
        </div>
      ))}
      {row.edited.notes.length > 0 && (
        <div>
          <Typography.Text strong>{t.notes}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {row.edited.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </Flex>
  );
}
