import { useQuery } from '@apollo/client/react';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import type { InquiryFieldsFragment } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { useI18n, useMessages } from '@/shared/i18n';
import { periodLabel } from '@/shared/period';
import { inquiryFieldsFragment } from '../api/inquiry-fields';
import { payoutInquiriesQuery } from '../api/payout-inquiries';
import { payoutMessages } from '../messages';
import { InquiryStatusTag, InquiryThread } from './inquiry-thread';

/**
 * «Обращения»: the inquiries the viewer may see (all of the tenant's for admins and accountants, his
 * own for a manager), open ones first, each opening into its thread and linking to its statement.
 * Asked for again whenever the card is shown, since a thread may have grown on a statement page.
 */
export function InquiriesCard({
  statementPath,
  currency,
  timeZone,
  showEmployee,
}: {
  statementPath: (id: string) => string;
  currency: string;
  timeZone: string;
  showEmployee: boolean;
}) {
  const t = useMessages(payoutMessages);
  const { language } = useI18n();
  const { data, loading, error, refetch } = useQuery(payoutInquiriesQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const inquiries = [...unmask(inquiryFieldsFragment, data?.inquiries ?? [])].sort(
    (a, b) => Number(a.status !== 'OPEN') - Number(b.status !== 'OPEN'),
  );
  return (
    <Card size="small" title={t.inquiries} data-testid="inquiries-card">
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      <Table<InquiryFieldsFragment>
        size="small"
        rowKey="id"
        loading={loading && !data}
        dataSource={inquiries}
        pagination={inquiries.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t.noInquiries }}
        data-testid="inquiries-table"
        expandable={{
          expandedRowRender: (inquiry) => (
            <InquiryThread inquiry={inquiry} currency={currency} timeZone={timeZone} />
          ),
        }}
        columns={[
          {
            title: t.colStatus,
            key: 'status',
            render: (_, inquiry) => <InquiryStatusTag status={inquiry.status} />,
          },
          {
            title: t.colPeriod,
            key: 'period',
            render: (_, inquiry) => periodLabel(inquiry.period, language),
          },
          ...(showEmployee
            ? [
                {
                  title: t.colEmployee,
                  key: 'employee',
                  render: (_: unknown, inquiry: InquiryFieldsFragment) => inquiry.employee.name,
                },
              ]
            : []),
          { title: t.inquiryLine, key: 'line', dataIndex: 'lineName' },
          {
            title: t.colLastMessage,
            key: 'last',
            render: (_, inquiry) => (
              <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                {inquiry.messages.at(-1)?.text ?? ''}
              </Typography.Text>
            ),
          },
          {
            title: '',
            key: 'open',
            render: (_, inquiry) => (
              <Link to={statementPath(inquiry.statementId)} data-testid="inquiry-statement-link">
                {t.openStatement}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
