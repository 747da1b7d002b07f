import { useQuery } from '@apollo/client/react';
import { Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { TemplateLibraryQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { templateLibraryQuery } from '../api/template-library';
import { PROPOSAL_COLORS, proposalStatusLabel, salesRoleLabel } from '../lib/labels';
import { compensationMessages } from '../messages';

type Template = NonNullable<TemplateLibraryQuery['templateLibrary']>['templates'][number];

/**
 * The consultancy's template library: each template with its latest library version, and which
 * client companies have a scheme from it, on which version, with the state of the latest proposal.
 */
export function LibraryPage({ templatePath }: { templatePath: (id: string) => string }) {
  const t = useMessages(compensationMessages);
  const { data, loading, error, refetch } = useQuery(templateLibraryQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const library = data?.templateLibrary;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.libraryTitle}
      </Typography.Title>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Skeleton active />}
      {data && !library && <Typography.Text>{t.noLibrary}</Typography.Text>}
      {library && (
        <>
          <Typography.Paragraph type="secondary">
            {interpolate(t.libraryIntro, { name: library.consultancyName })}
          </Typography.Paragraph>
          <Table<Template>
            rowKey="id"
            pagination={false}
            dataSource={library.templates}
            data-testid="templates-table"
            columns={[
              {
                title: t.colName,
                key: 'name',
                render: (_, tpl) => (
                  <Flex vertical>
                    <Link to={templatePath(tpl.id)} data-testid={`template-link-${tpl.code}`}>
                      {tpl.name}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {tpl.description}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t.colRole,
                key: 'role',
                render: (_, tpl) => salesRoleLabel(tpl.salesRole, t),
              },
              {
                title: t.colLatest,
                key: 'latest',
                align: 'right',
                render: (_, tpl) => <span data-testid="template-latest">{tpl.latest.number}</span>,
              },
              {
                title: t.colAdoptions,
                key: 'adoptions',
                render: (_, tpl) =>
                  tpl.adoptions.length === 0 ? (
                    <Typography.Text type="secondary">{t.noAdoptions}</Typography.Text>
                  ) : (
                    <Flex vertical gap={2}>
                      {tpl.adoptions.map((a) => (
                        <span key={`${a.tenantId}:${a.schemeName}`}>
                          {a.tenantName} — v{a.libraryVersion}{' '}
                          {a.proposalStatus && (
                            <Tag color={PROPOSAL_COLORS[a.proposalStatus]}>
                              {proposalStatusLabel(a.proposalStatus, t)}
                            </Tag>
                          )}
                        </span>
                      ))}
                    </Flex>
                  ),
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
