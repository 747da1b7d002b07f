import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Badge, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { compensationSchemeQuery, schemeVersionQuery } from '../api/compensation-scheme';
import { schemeDefinitionFieldsFragment } from '../api/definition-fields';
import { EmployeesTab } from '../components/employees-tab';
import { ProposalsTab } from '../components/proposals-tab';
import { SchemeEditorTab } from '../components/scheme-editor-tab';
import { VersionsTab } from '../components/versions-tab';
import { WhatIfTab } from '../components/what-if-tab';
import { salesRoleLabel } from '../lib/labels';
import { formatEffective } from '../lib/months';
import { useCompensationKpis } from '../lib/use-compensation-kpis';
import { compensationMessages } from '../messages';

const TABS = ['editor', 'versions', 'employees', 'whatif', 'proposals'] as const;
type Tab = (typeof TABS)[number];

/**
 * One scheme: the editor (its draft with the live and boundary previews), versions with their
 * changes, employees on it, what-if replays and proposals from the library. The tab is in the
 * address (?tab=versions), so it survives a reload and can be linked.
 */
export function SchemePage({
  schemesPath,
  canEdit,
  timeZone,
  currency,
}: {
  schemesPath: string;
  canEdit: boolean;
  timeZone: string;
  currency: string;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const { schemeId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'editor';
  const setTab = (next: Tab) =>
    setParams(next === 'editor' ? {} : { tab: next }, { replace: true });

  const { data, loading, error, refetch } = useQuery(compensationSchemeQuery, {
    variables: { id: schemeId },
  });
  const catalogue = useCompensationKpis();
  const scheme = data?.compensationScheme;

  // Without a draft: the newest published version (a new draft builds on it, even when it takes
  // effect only next month), its definition read on its own.
  const published = scheme?.versions.find((v) => v.status === 'PUBLISHED');
  const version = useQuery(schemeVersionQuery, {
    variables: { id: published?.id ?? '' },
    skip: !scheme || scheme.draft !== null || !published,
  });
  const shown = useMemo(() => {
    if (scheme?.draft) {
      return {
        draftId: scheme.draft.id,
        number: scheme.draft.number,
        definition: unmask(schemeDefinitionFieldsFragment, scheme.draft.definition),
      };
    }
    const read = version.data?.schemeVersion;
    return read && read.id === published?.id
      ? {
          draftId: null,
          number: read.number,
          definition: unmask(schemeDefinitionFieldsFragment, read.definition),
        }
      : null;
  }, [scheme, version.data, published]);

  if (error ?? version.error) {
    return <ErrorDisplay error={error ?? version.error} onRetry={() => void refetch()} />;
  }
  if (catalogue.error) {
    return <ErrorDisplay error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  }
  if ((loading && !data) || (published && !scheme?.draft && !shown)) {
    return <Skeleton active />;
  }
  if (!scheme) {
    return (
      <Result
        status="404"
        title={t.schemeNotFound}
        extra={<Link to={schemesPath}>{t.back}</Link>}
      />
    );
  }
  const kpis = catalogue.kpis ?? [];
  const openProposals = scheme.proposals.filter((p) => p.status === 'OPEN').length;
  const replayable = scheme.versions.map((v) => ({
    id: v.id,
    number: v.number,
    draft: v.status === 'DRAFT',
  }));

  return (
    <Flex vertical gap="middle">
      <Link to={schemesPath}>
        <ArrowLeftOutlined /> {t.schemesTitle}
      </Link>
      <Flex gap="small" align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="scheme-name">
          {scheme.name}
        </Typography.Title>
        <Tag>{salesRoleLabel(scheme.salesRole, t)}</Tag>
        {scheme.current && (
          <Tag color="green" data-testid="scheme-current">
            {interpolate(t.versionFrom, {
              number: scheme.current.number,
              month: scheme.current.effectiveFrom
                ? formatEffective(scheme.current.effectiveFrom, INTL_LOCALE[language])
                : '—',
            })}
          </Tag>
        )}
        {scheme.source && (
          <Typography.Text type="secondary">
            {interpolate(t.sourceText, {
              name: scheme.source.templateName,
              version: scheme.source.libraryVersion,
            })}
          </Typography.Text>
        )}
      </Flex>
      {!catalogue.kpis ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          destroyOnHidden
          items={[
            {
              key: 'editor',
              label: <span data-testid="tab-editor">{t.tabEditor}</span>,
              children: (
                <SchemeEditorTab
                  schemeId={scheme.id}
                  shown={shown}
                  canEdit={canEdit}
                  kpis={kpis}
                  timeZone={timeZone}
                  currency={currency}
                  onPublished={() => setTab('versions')}
                />
              ),
            },
            {
              key: 'versions',
              label: <span data-testid="tab-versions">{t.tabVersions}</span>,
              children: (
                <VersionsTab
                  versions={scheme.versions}
                  currentId={scheme.current?.id ?? null}
                  kpis={kpis}
                />
              ),
            },
            {
              key: 'employees',
              label: <span data-testid="tab-employees">{t.tabEmployees}</span>,
              children: (
                <EmployeesTab
                  schemeId={scheme.id}
                  assignments={scheme.assignments}
                  canEdit={canEdit}
                  timeZone={timeZone}
                />
              ),
            },
            ...(canEdit
              ? [
                  {
                    key: 'whatif',
                    label: <span data-testid="tab-whatif">{t.tabWhatIf}</span>,
                    children: <WhatIfTab versions={replayable} currency={currency} />,
                  },
                ]
              : []),
            {
              key: 'proposals',
              label: (
                <Badge count={openProposals} size="small" offset={[8, 0]}>
                  <span data-testid="tab-proposals">{t.tabProposals}</span>
                </Badge>
              ),
              children: (
                <ProposalsTab
                  proposals={scheme.proposals}
                  canDecide={canEdit}
                  onAccepted={() => setTab('editor')}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
