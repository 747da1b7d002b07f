import { useQuery } from '@apollo/client/react';
import { Button, Drawer, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Form } from 'antd';
import type { CompensationSchemeQuery } from '@/gql/graphql';
import { useFragment as unmask } from '@/gql';
import { formatDateTime } from '@/shared/date-time';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { schemeVersionQuery } from '../api/compensation-scheme';
import { schemeDefinitionFieldsFragment } from '../api/definition-fields';
import { ErrorDisplay } from '@/shared/errors';
import { definitionToForm, type Definition, type DefinitionForm } from '../lib/definition-form';
import { formatEffective } from '../lib/months';
import { compensationMessages } from '../messages';
import { ChangesList } from './changes-list';
import type { CatalogueKpi } from './kpi-select';
import { SchemeEditor } from './scheme-editor';

type Version = NonNullable<CompensationSchemeQuery['compensationScheme']>['versions'][number];

/** The scheme's versions, newest first, each with its readable changes; any opens read-only. */
export function VersionsTab({
  versions,
  currentId,
  kpis,
}: {
  versions: readonly Version[];
  currentId: string | null;
  kpis: readonly CatalogueKpi[];
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const [open, setOpen] = useState<Version | null>(null);
  return (
    <>
      <Table<Version>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={versions as Version[]}
        data-testid="versions-table"
        onRow={(v) =>
          ({ 'data-testid': `version-${v.number}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t.colVersion,
            key: 'number',
            width: 90,
            render: (_, v) => <Typography.Text strong>{v.number}</Typography.Text>,
          },
          {
            title: t.colStatus,
            key: 'status',
            width: 170,
            render: (_, v) => (
              <>
                <Tag color={v.status === 'DRAFT' ? 'gold' : 'blue'} data-testid="version-status">
                  {t[`status${v.status}`]}
                </Tag>
                {v.id === currentId && <Tag color="green">{t.inForce}</Tag>}
              </>
            ),
          },
          {
            title: t.colEffective,
            key: 'effective',
            width: 160,
            render: (_, v) => (
              <span data-testid="version-effective">
                {v.effectiveFrom ? formatEffective(v.effectiveFrom, locale) : '—'}
              </span>
            ),
          },
          {
            title: t.colPublished,
            key: 'published',
            width: 180,
            render: (_, v) => (v.publishedAt ? formatDateTime(v.publishedAt, locale) : '—'),
          },
          {
            title: t.changes,
            key: 'changes',
            render: (_, v) => <ChangesList changes={v.changes} empty={t.noChanges} />,
          },
          {
            key: 'open',
            width: 100,
            render: (_, v) => (
              <Button size="small" onClick={() => setOpen(v)} data-testid="version-open">
                {t.view}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="large"
        title={open ? interpolate(t.versionTitle, { number: open.number }) : ''}
        destroyOnHidden
      >
        {open && <ReadOnlyVersion versionId={open.id} kpis={kpis} />}
      </Drawer>
    </>
  );
}

/** A version's definition, read on its own, in the editor, read-only. */
function ReadOnlyVersion({
  versionId,
  kpis,
}: {
  versionId: string;
  kpis: readonly CatalogueKpi[];
}) {
  const { data, error, refetch } = useQuery(schemeVersionQuery, { variables: { id: versionId } });
  if (error) {
    return <ErrorDisplay error={error} onRetry={() => void refetch()} />;
  }
  if (!data?.schemeVersion) {
    return <Skeleton active />;
  }
  return (
    <ReadOnlyDefinition
      definition={unmask(schemeDefinitionFieldsFragment, data.schemeVersion.definition)}
      kpis={kpis}
    />
  );
}

/** A definition in the editor, read-only. */
export function ReadOnlyDefinition({
  definition,
  kpis,
}: {
  definition: Definition;
  kpis: readonly CatalogueKpi[];
}) {
  const { language } = useI18n();
  const [form] = Form.useForm<DefinitionForm>();
  const initial = useMemo(() => definitionToForm(definition, language), [definition, language]);
  return <SchemeEditor form={form} initialValues={initial} kpis={kpis} readOnly />;
}
