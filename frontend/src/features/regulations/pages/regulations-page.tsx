import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Flex, Segmented, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { createRegulationsDraftMutation } from '../api/create-regulations-draft';
import { regulationsQuery } from '../api/regulations';
import { AcknowledgedProgress, AcknowledgementsTab } from '../components/acknowledgements-tab';
import { DetailsForm } from '../components/details-form';
import { DocumentView } from '../components/document-view';
import { DraftCard } from '../components/draft-card';
import { SectionsEditor } from '../components/sections-editor';
import { VersionsTab } from '../components/versions-tab';
import { formatDayDots, todayIn } from '../lib/dates';
import { refetchWhenAccepted } from '../lib/refetch';
import { regulationsMessages } from '../messages';

/**
 * «Положение о премировании» (`regulations`): the current version with how many acknowledged it,
 * the «Устарело» alert when a scheme version was published since (with «Подготовить новую
 * редакцию»), the draft card, and the tabs «Документ», «Ознакомление», «Версии», «Реквизиты и
 * разделы». Those who may not edit (`canEdit` false: accountants) see everything without the
 * buttons.
 */
export function RegulationsPage({
  diffPath,
  timeZone,
}: {
  diffPath: (fromId: string, toId: string) => string;
  timeZone: string;
}) {
  const t = useMessages(regulationsMessages);
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(regulationsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [create, creating] = useMutation(
    createRegulationsDraftMutation,
    refetchWhenAccepted(regulationsQuery),
  );
  const [createErrors, setCreateErrors] = useState<UserErrorLike[]>([]);
  const [shown, setShown] = useState<'draft' | 'current' | null>(null);
  const today = todayIn(timeZone);

  const onCreate = async () => {
    const { data: answer } = await create({ variables: { input: {} } });
    const payload = answer?.createRegulationsDraft;
    setCreateErrors(payload?.errors ?? []);
    if (payload?.document) {
      setShown('draft');
      message.success(interpolate(t.draftCreated, { number: payload.document.number }));
    }
  };

  const regulations = data?.regulations;
  const current = regulations?.current ?? null;
  const draft = regulations?.draft ?? null;
  const canEdit = regulations?.canEdit ?? false;
  const showing =
    shown === 'draft' && draft
      ? draft
      : shown === 'current' && current
        ? current
        : (current ?? draft);

  const createButton = (label: string, testId: string) => (
    <Button
      type="primary"
      icon={<FileAddOutlined />}
      loading={creating.loading}
      onClick={() => void onCreate().catch(() => {})}
      data-testid={testId}
    >
      {label}
    </Button>
  );

  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !data && <Skeleton active />}
      {regulations && (
        <>
          {!canEdit && <Alert type="info" showIcon title={t.readOnly} data-testid="read-only" />}
          <Card data-testid="current-version">
            {current ? (
              <Flex justify="space-between" align="center" gap="large" wrap>
                <Flex vertical>
                  <Typography.Title level={4} style={{ margin: 0 }} data-testid="current-number">
                    {interpolate(t.currentVersion, { number: current.number })}
                  </Typography.Title>
                  <Typography.Text type="secondary" data-testid="current-effective-from">
                    {interpolate(t.effectiveFrom, { date: formatDayDots(current.effectiveFrom) })}
                  </Typography.Text>
                </Flex>
                {current.acknowledgements && (
                  <AcknowledgedProgress
                    acknowledged={current.acknowledgements.acknowledged}
                    total={current.acknowledgements.total}
                  />
                )}
                {canEdit && !draft && createButton(t.prepareDraft, 'create-draft')}
              </Flex>
            ) : (
              <Flex justify="space-between" align="center" gap="middle" wrap>
                <Typography.Text data-testid="no-versions">{t.noVersions}</Typography.Text>
                {canEdit && !draft && createButton(t.createDraft, 'create-draft')}
              </Flex>
            )}
          </Card>
          {regulations.outdated && (
            <Alert
              type="warning"
              showIcon
              data-testid="outdated"
              title={t.outdatedTitle}
              description={
                <>
                  {t.outdatedText}
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {regulations.outdatedBy.map((line) => (
                      <li key={line} data-testid="outdated-by">
                        {line}
                      </li>
                    ))}
                  </ul>
                </>
              }
              action={
                canEdit && !draft
                  ? createButton(t.prepareDraft, 'create-draft-outdated')
                  : undefined
              }
            />
          )}
          <FormErrors errors={createErrors} />
          {creating.error && <ErrorDisplay error={creating.error} />}
          {draft && (
            <DraftCard
              key={draft.id}
              draft={draft}
              earliest={current && current.effectiveFrom > today ? current.effectiveFrom : today}
              canEdit={canEdit}
            />
          )}
          <Tabs
            data-testid="regulations-tabs"
            items={[
              {
                key: 'document',
                label: <span data-testid="tab-document">{t.tabDocument}</span>,
                children: showing ? (
                  <Flex vertical gap="middle">
                    {draft && current && (
                      <Segmented<'draft' | 'current'>
                        value={showing === draft ? 'draft' : 'current'}
                        onChange={setShown}
                        options={[
                          {
                            value: 'current',
                            label: interpolate(t.versionOption, { number: current.number }),
                          },
                          {
                            value: 'draft',
                            label: interpolate(t.draftOption, { number: draft.number }),
                          },
                        ]}
                        data-testid="document-choice"
                      />
                    )}
                    {/* Keyed by status too: a published draft keeps its id but not its text (the draft mark). */}
                    <DocumentView key={`${showing.id}:${showing.status}`} documentId={showing.id} />
                  </Flex>
                ) : (
                  <Empty description={t.noVersions} />
                ),
              },
              {
                key: 'acknowledgements',
                label: <span data-testid="tab-acknowledgements">{t.tabAcknowledgements}</span>,
                children: current?.acknowledgements ? (
                  <AcknowledgementsTab
                    documentId={current.id}
                    acknowledgements={current.acknowledgements}
                    canRemind={canEdit}
                    timeZone={timeZone}
                  />
                ) : (
                  <Empty description={t.noCurrent} />
                ),
              },
              {
                key: 'versions',
                label: <span data-testid="tab-versions">{t.tabVersions}</span>,
                children: (
                  <VersionsTab
                    draft={draft}
                    versions={regulations.versions}
                    diffPath={diffPath}
                    timeZone={timeZone}
                  />
                ),
              },
              {
                key: 'details',
                label: <span data-testid="tab-details">{t.tabDetails}</span>,
                children: (
                  <Flex vertical gap="large">
                    <Card title={t.detailsTitle}>
                      <Typography.Paragraph type="secondary">{t.detailsHint}</Typography.Paragraph>
                      <DetailsForm details={regulations.details} canEdit={canEdit} />
                    </Card>
                    <Card title={t.sectionsTitle}>
                      <SectionsEditor sections={regulations.sections} canEdit={canEdit} />
                    </Card>
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
