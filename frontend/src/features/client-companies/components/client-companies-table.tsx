import { Table, type TableColumnsType } from 'antd';
import type { ClientCompaniesQuery } from '@/gql/graphql';
import { formatDate } from '@/shared/date-time';
import { useI18n, useMessages } from '@/shared/i18n';
import { timeZoneLabel } from '../lib/time-zones';
import { clientCompanyMessages, timeZoneMessages } from '../messages';
import { CompanyNameCell } from './company-name-cell';
import { ConsultantsEditor, ConsultantTags, type Consultant } from './consultants-cell';

export type ClientCompanyRow = ClientCompaniesQuery['clientCompanies'][number];

export function ClientCompaniesTable({
  companies,
  loading,
  consultants,
}: {
  companies: readonly ClientCompanyRow[];
  loading: boolean;
  /** The consultancy's consultants when the viewer may assign them (the owner); else undefined. */
  consultants: { list: readonly Consultant[]; loading: boolean } | undefined;
}) {
  const t = useMessages(clientCompanyMessages);
  const zones = useMessages(timeZoneMessages);
  const { locale } = useI18n();

  const columns: TableColumnsType<ClientCompanyRow> = [
    {
      key: 'name',
      title: t.name,
      render: (_, c) => <CompanyNameCell tenantId={c.id} name={c.name} />,
    },
    {
      key: 'timeZone',
      title: t.timeZone,
      render: (_, c) => <span title={c.timeZone}>{timeZoneLabel(c.timeZone, zones)}</span>,
    },
    { key: 'currency', title: t.currency, dataIndex: 'currencyCode' },
    {
      key: 'consultants',
      title: t.consultants,
      render: (_, c) =>
        consultants ? (
          <ConsultantsEditor
            tenantId={c.id}
            company={c.name}
            assigned={c.consultants}
            consultants={consultants.list}
            loadingConsultants={consultants.loading}
          />
        ) : (
          <ConsultantTags consultants={c.consultants} />
        ),
    },
    {
      key: 'createdAt',
      title: t.createdAt,
      render: (_, c) => <time dateTime={c.createdAt}>{formatDate(c.createdAt, locale)}</time>,
    },
  ];

  return (
    <Table<ClientCompanyRow>
      rowKey="id"
      columns={columns}
      dataSource={companies}
      loading={loading}
      pagination={false}
      size="middle"
      locale={{ emptyText: t.empty }}
      scroll={{ x: 'max-content' }}
    />
  );
}
