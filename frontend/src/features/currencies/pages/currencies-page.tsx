import { useQuery } from '@apollo/client/react';
import { Flex, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { currenciesQuery } from '../api/currencies';
import { CurrenciesTable } from '../components/currencies-table';
import { filterCurrencies } from '../lib/filter-currencies';
import { currencyMessages } from '../messages';

/** Reference → Currencies. The filter lives in the URL (`?q=EUR`) so a filtered list can be shared. */
export function CurrenciesPage() {
  const t = useMessages(currencyMessages);
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const { data, loading, error, refetch } = useQuery(currenciesQuery);

  const setQuery = (value: string) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value) {
          next.set('q', value);
        } else {
          next.delete('q');
        }
        return next;
      },
      { replace: true },
    );

  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Typography.Title level={2}>{t.title}</Typography.Title>
      <Input.Search
        allowClear
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t.filterPlaceholder}
        aria-label={t.filterLabel}
        style={{ maxWidth: 360 }}
      />
      {error ? (
        <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />
      ) : (
        <CurrenciesTable
          currencies={filterCurrencies(data?.currencies ?? [], query)}
          loading={loading}
        />
      )}
    </Flex>
  );
}
