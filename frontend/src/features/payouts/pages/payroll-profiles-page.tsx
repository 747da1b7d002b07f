import { useQuery } from '@apollo/client/react';
import { Flex, Input, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PayrollProfilesQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { payrollProfilesQuery } from '../api/payroll-profiles';
import { PayrollProfileForm } from '../components/payroll-profile-form';
import { payoutMessages } from '../messages';

type Profile = PayrollProfilesQuery['payrollProfiles'][number];

/** Case-insensitive match of every word of the query against the employee's name. */
export function matchesName(name: string, query: string): boolean {
  const haystack = name.toLocaleLowerCase('ru');
  return query
    .toLocaleLowerCase('ru')
    .split(/\s+/u)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

/**
 * «Табельные номера»: every employee of the tenant — name, department, active or dismissed — with
 * his personnel number and organisation for the 1C:ZUP export, each row its own small form
 * (`setPayrollProfile`). A search box filters the rows by name.
 */
export function PayrollProfilesPage({ payoutsPath }: { payoutsPath: string }) {
  const t = useMessages(payoutMessages);
  const [query, setQuery] = useState('');
  const { data, loading, error, refetch } = useQuery(payrollProfilesQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const profiles = (data?.payrollProfiles ?? []).filter((p) => matchesName(p.employee.name, query));

  return (
    <Flex vertical gap="middle">
      <title>{t.profilesTitle}</title>
      <Link to={payoutsPath} data-testid="back-to-runs">
        {t.backToRuns}
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.profilesTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.profilesIntro}</Typography.Paragraph>
      <Input.Search
        allowClear
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t.profilesSearch}
        aria-label={t.profilesSearch}
        style={{ maxWidth: 360 }}
        data-testid="profiles-search"
      />
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <Table<Profile>
          rowKey={(p) => p.employee.id}
          dataSource={profiles}
          pagination={profiles.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t.noProfiles }}
          data-testid="profiles-table"
          columns={[
            {
              title: t.colEmployee,
              key: 'name',
              render: (_, p) => <span data-testid="profile-name">{p.employee.name}</span>,
            },
            {
              title: t.colDepartment,
              key: 'department',
              render: (_, p) => p.employee.department ?? t.notYet,
            },
            {
              title: t.colActive,
              key: 'active',
              render: (_, p) =>
                p.employee.active ? (
                  <Tag color="green" data-testid="profile-active">
                    {t.employeeActive}
                  </Tag>
                ) : (
                  <Tag data-testid="profile-active">{t.employeeDismissed}</Tag>
                ),
            },
            {
              title: `${t.personnelNumber} · ${t.colOrganisation}`,
              key: 'profile',
              render: (_, p) => (
                <PayrollProfileForm
                  employeeId={p.employee.id}
                  employeeName={p.employee.name}
                  personnelNumber={p.personnelNumber}
                  organisation={p.organisation}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
