import { Table, Typography, type TableColumnsType } from 'antd';
import type { CurrenciesQuery } from '@/gql/graphql';
import { useI18n, useMessages } from '@/shared/i18n';
import { formatMoney, InvalidMoneyError } from '@/shared/money';
import { currencyMessages } from '../messages';

export type CurrencyRow = CurrenciesQuery['currencies'][number];

export function CurrenciesTable({
  currencies,
  loading,
}: {
  currencies: readonly CurrencyRow[];
  loading: boolean;
}) {
  const t = useMessages(currencyMessages);
  const { language, locale } = useI18n();

  const sample = (c: CurrencyRow) => {
    try {
      return formatMoney(c.sampleAmount, c.code, locale, c.minorUnits);
    } catch (e) {
      if (e instanceof InvalidMoneyError) {
        return <Typography.Text type="danger">{t.invalidAmount}</Typography.Text>;
      }
      throw e;
    }
  };

  const columns: TableColumnsType<CurrencyRow> = [
    {
      key: 'code',
      title: t.code,
      dataIndex: 'code',
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { key: 'numericCode', title: t.numericCode, dataIndex: 'numericCode', align: 'right' },
    { key: 'minorUnits', title: t.minorUnits, dataIndex: 'minorUnits', align: 'right' },
    { key: 'symbol', title: t.symbol, dataIndex: 'symbol', align: 'center' },
    {
      key: 'name',
      title: t.name,
      render: (_, c) => (
        <span data-testid="currency-name">{language === 'ru' ? c.nameRu : c.nameEn}</span>
      ),
    },
    {
      key: 'sampleAmount',
      title: t.sampleAmount,
      align: 'right',
      render: (_, c) => <span data-testid="sample-amount">{sample(c)}</span>,
    },
  ];

  return (
    <Table<CurrencyRow>
      rowKey="code"
      columns={columns}
      dataSource={currencies}
      loading={loading}
      pagination={false}
      size="middle"
      locale={{ emptyText: t.empty }}
    />
  );
}
