import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StatementLineFieldsFragment } from '@/gql/graphql';
import { formatDay } from '@/shared/date-time';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { Money } from '@/shared/money';
import { periodLabel } from '@/shared/period';
import { dealChangeLabel, lineKindLabel } from '../lib/labels';
import { payoutMessages } from '../messages';

type Line = StatementLineFieldsFragment;
type Deal = Line['deals'][number];

/**
 * The lines of a statement or of the live estimate. A click on a line opens what explains it: the
 * steps of the computation, the deals behind its KPI value (each linking to its page in Bitrix24,
 * in a new tab) and, for an adjustment, the reason; `renderExtra` adds what the page offers on a
 * line (a manager's question).
 */
export function StatementLines({
  lines,
  currency,
  renderExtra,
  testId = 'statement-lines',
}: {
  lines: readonly Line[];
  currency: string;
  renderExtra?: (line: Line) => ReactNode;
  testId?: string;
}) {
  const t = useMessages(payoutMessages);
  const { language } = useI18n();
  return (
    <Table<Line>
      size="small"
      rowKey="id"
      dataSource={lines as Line[]}
      pagination={false}
      locale={{ emptyText: t.noLines }}
      data-testid={testId}
      onRow={() => ({ style: { cursor: 'pointer' } })}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (line) => (
          <LineDetails line={line} currency={currency} extra={renderExtra?.(line)} />
        ),
      }}
      columns={[
        {
          title: t.colLine,
          key: 'name',
          render: (_, line) => (
            <Flex gap="small" align="center" wrap>
              <span data-testid="line-name">{line.name}</span>
              {line.kind !== 'COMPONENT' && (
                <Tag color={line.kind === 'ADJUSTMENT' ? 'purple' : undefined}>
                  {lineKindLabel(line.kind, t)}
                </Tag>
              )}
            </Flex>
          ),
        },
        {
          title: t.colPeriod,
          key: 'period',
          render: (_, line) => periodLabel(line.period, language),
        },
        {
          title: t.colAmount,
          key: 'amount',
          align: 'right',
          render: (_, line) => (
            <Flex gap="small" justify="flex-end" align="center">
              {!line.paid && <Tag>{t.lineNotPaid}</Tag>}
              <Money value={line.amount} currency={currency} testId="line-amount" />
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** What explains one line: its steps, its deals, its reason, and the page's extra. */
function LineDetails({
  line,
  currency,
  extra,
}: {
  line: Line;
  currency: string;
  extra: ReactNode;
}) {
  const t = useMessages(payoutMessages);
  const { locale } = useI18n();
  return (
    <Flex vertical gap="middle" data-testid={`line-details-${line.id}`}>
      {line.explanation.length > 0 && (
        <div>
          <Typography.Text strong>{t.explanation}</Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="line-explanation">
            {line.explanation.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </div>
      )}
      {line.reason && (
        <Alert
          type="info"
          showIcon
          title={t.reason}
          description={line.reason}
          data-testid="line-reason"
        />
      )}
      {line.deals.length > 0 && (
        <div>
          <Typography.Text strong>{t.deals}</Typography.Text>
          <Table<Deal>
            size="small"
            rowKey="id"
            dataSource={line.deals}
            pagination={false}
            style={{ marginTop: 4 }}
            data-testid="line-deals"
            columns={[
              {
                title: t.dealTitle,
                key: 'title',
                render: (_, deal) => {
                  const title = deal.title ?? interpolate(t.dealUntitled, { id: deal.id });
                  return deal.url ? (
                    <a
                      href={deal.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      data-testid="deal-link"
                    >
                      {title}
                    </a>
                  ) : (
                    <span data-testid="deal-title">{title}</span>
                  );
                },
              },
              {
                title: t.dealWonOn,
                key: 'wonOn',
                render: (_, deal) => (deal.wonOn ? formatDay(deal.wonOn, locale) : '—'),
              },
              {
                title: t.dealAmount,
                key: 'amount',
                align: 'right',
                render: (_, deal) => <Money value={deal.amount} currency={currency} />,
              },
              ...(line.deals.some((deal) => deal.change)
                ? [
                    {
                      title: t.dealChange,
                      key: 'change',
                      render: (_: unknown, deal: Deal) =>
                        deal.change ? <Tag>{dealChangeLabel(deal.change, t)}</Tag> : null,
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      {extra}
    </Flex>
  );
}
