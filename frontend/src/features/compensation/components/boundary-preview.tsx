import { Card, Table, Typography } from 'antd';
import type { SchemePreviewQuery } from '@/gql/graphql';
import { INTL_LOCALE, useI18n, useMessages } from '@/shared/i18n';
import { Money } from '@/shared/money';
import { formatDecimal } from '@/shared/numbers';
import { compensationMessages } from '../messages';

type Boundary = NonNullable<SchemePreviewQuery['schemePreview']['preview']>['boundaries'][number];

/**
 * For each gate and tier bound, what the component does just below, exactly at and just above it —
 * so a sales head sees whether "more than 1 000 000 ₽" pays at exactly 1 000 000 ₽. The cases come
 * from the server in that order, grouped here by their title.
 */
export function BoundaryPreview({
  boundaries,
  currency,
}: {
  boundaries: readonly Boundary[];
  currency: string;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const groups = new Map<string, Boundary[]>();
  for (const b of boundaries) {
    const id = `${b.componentKey}|${b.title}`;
    groups.set(id, [...(groups.get(id) ?? []), b]);
  }
  return (
    <div style={{ marginTop: 16 }} data-testid="boundary-preview">
      <Typography.Title level={5} style={{ marginBottom: 0 }}>
        {t.boundariesTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.boundariesHint}</Typography.Paragraph>
      {groups.size === 0 && <Typography.Text type="secondary">{t.noBoundaries}</Typography.Text>}
      {[...groups.entries()].map(([id, cases]) => (
        <Card
          key={id}
          size="small"
          title={`${cases[0]!.componentName}: ${cases[0]!.title}`}
          style={{ marginBottom: 8 }}
          data-testid={`boundary-${cases[0]!.componentKey}`}
        >
          <Table<Boundary>
            size="small"
            pagination={false}
            rowKey={(b) => b.measureValue}
            dataSource={cases}
            columns={[
              {
                title: t.colValue,
                key: 'value',
                render: (_, b) => formatDecimal(b.measureValue, INTL_LOCALE[language], 4),
              },
              { title: t.colOutcome, key: 'outcome', dataIndex: 'outcome' },
              {
                title: t.colAmount,
                key: 'amount',
                align: 'right',
                render: (_, b) =>
                  b.amount === null ? (
                    <Typography.Text type="secondary">{t.notDependent}</Typography.Text>
                  ) : (
                    <Money value={b.amount} currency={currency} />
                  ),
              },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
