import { ArrowLeftOutlined, SaveOutlined, SendOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Input,
  Modal,
  Result,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFragment as unmask } from '@/gql';
import type { SchemeTemplateQuery } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { schemeDefinitionFieldsFragment } from '../api/definition-fields';
import {
  offerTemplateVersionMutation,
  publishTemplateVersionMutation,
  saveTemplateDraftMutation,
  schemeTemplateQuery,
  templateLibraryQuery,
} from '../api/template-library';
import { ChangesList } from '../components/changes-list';
import { GeneralErrors } from '../components/general-errors';
import type { CatalogueKpi } from '../components/kpi-select';
import { SchemeEditor } from '../components/scheme-editor';
import { definitionToForm, type Definition } from '../lib/definition-form';
import { PROPOSAL_COLORS, proposalStatusLabel, salesRoleLabel } from '../lib/labels';
import { problemText } from '../lib/problem-text';
import { useCompensationKpis } from '../lib/use-compensation-kpis';
import { useDefinitionForm } from '../lib/use-definition-form';
import { useLeaveGuard } from '../lib/use-leave-guard';
import { compensationMessages } from '../messages';

type Template = SchemeTemplateQuery['schemeTemplate'];
type Adoption = Template['adoptions'][number];

/**
 * A library template: its draft in the same editor as a scheme's (saveTemplateDraft), publishing
 * the draft as the next library version with a note, and offering the latest version to client
 * companies with an older one (they get a proposal with the readable diff).
 */
export function TemplatePage({ libraryPath }: { libraryPath: string }) {
  const t = useMessages(compensationMessages);
  const { templateId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(schemeTemplateQuery, {
    variables: { id: templateId },
    fetchPolicy: 'cache-and-network',
  });
  const catalogue = useCompensationKpis();
  const template: Template | undefined = data?.schemeTemplate;

  if (error) {
    return <ErrorDisplay error={error} onRetry={() => void refetch()} />;
  }
  if (catalogue.error) {
    return <ErrorDisplay error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  }
  if ((loading && !data) || !catalogue.kpis) {
    return <Skeleton active />;
  }
  if (!template) {
    return (
      <Result
        status="404"
        title={t.templateNotFound}
        extra={<Link to={libraryPath}>{t.back}</Link>}
      />
    );
  }
  const definition = unmask(
    schemeDefinitionFieldsFragment,
    template.draft ?? template.latest.definition,
  );
  return (
    <TemplateWorkbench
      // One mount per template: saving refetches it, and remounting would lose the dialog opened
      // right after the save.
      key={template.id}
      template={template}
      definition={definition}
      hasDraft={template.draft !== null}
      kpis={catalogue.kpis}
      libraryPath={libraryPath}
    />
  );
}

function TemplateWorkbench({
  template,
  definition,
  hasDraft,
  kpis,
  libraryPath,
}: {
  template: Template;
  definition: Definition;
  hasDraft: boolean;
  kpis: readonly CatalogueKpi[];
  libraryPath: string;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const { message } = App.useApp();
  const initial = useMemo(() => definitionToForm(definition, language), [definition, language]);
  const describe = useCallback(
    (code: Parameters<typeof problemText>[0]) => problemText(code, t),
    [t],
  );
  const editor = useDefinitionForm(initial, describe);
  const refetch = {
    refetchQueries: [schemeTemplateQuery, templateLibraryQuery],
    awaitRefetchQueries: true,
  };
  const [saveDraft, saving] = useMutation(saveTemplateDraftMutation, refetch);
  const [publish, publishing] = useMutation(publishTemplateVersionMutation, refetch);
  const [offer, offering] = useMutation(offerTemplateVersionMutation, refetch);
  const [publishOpen, setPublishOpen] = useState(false);
  const [note, setNote] = useState('');
  const [offerOpen, setOfferOpen] = useState(false);
  const [offerErrors, setOfferErrors] = useState<UserErrorLike[]>([]);
  const [publishErrors, setPublishErrors] = useState<UserErrorLike[]>([]);
  // Companies behind the latest version, once each (a company may have two schemes from it).
  const behind = template.adoptions
    .filter((a) => a.libraryVersion < template.latest.number)
    .filter((a, i, all) => all.findIndex((b) => b.tenantId === a.tenantId) === i);
  const [chosen, setChosen] = useState<string[]>(() => behind.map((a) => a.tenantId));

  useLeaveGuard(editor.dirty, {
    title: t.unsavedTitle,
    content: t.unsavedText,
    okText: t.unsavedOk,
    cancelText: t.unsavedCancel,
  });

  const save = async (quiet = false) => {
    const input = await editor.validInput();
    if (!input) {
      message.error(t.fixErrors);
      return false;
    }
    const { data } = await saveDraft({
      variables: { input: { templateId: template.id, definition: input } },
    });
    const payload = data?.saveTemplateDraft;
    if (!payload || payload.errors.length > 0) {
      editor.showErrors(payload?.errors ?? []);
      message.error(t.fixErrors);
      return false;
    }
    editor.setGeneral([]);
    editor.markSaved();
    if (!quiet) {
      message.success(t.templateSaved);
    }
    return true;
  };

  const openPublish = async () => {
    if ((editor.dirty || !hasDraft) && !(await save(true))) {
      return;
    }
    setPublishErrors([]);
    setPublishOpen(true);
  };

  const doPublish = async () => {
    const { data } = await publish({
      variables: {
        input: { templateId: template.id, ...(note.trim() ? { note: note.trim() } : {}) },
      },
    });
    const payload = data?.publishTemplateVersion;
    if (!payload || payload.errors.length > 0) {
      setPublishErrors(payload?.errors ?? []);
      return;
    }
    setPublishOpen(false);
    message.success(
      interpolate(t.templatePublished, { number: payload.template?.latest.number ?? '' }),
    );
  };

  const doOffer = async () => {
    const { data } = await offer({
      variables: {
        input: {
          templateId: template.id,
          tenantIds: chosen,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
    });
    const payload = data?.offerTemplateVersion;
    if (!payload || payload.errors.length > 0) {
      setOfferErrors(payload?.errors ?? []);
      return;
    }
    setOfferOpen(false);
    message.success(interpolate(t.offered, { count: payload.offered }));
  };

  const nextNumber = template.latest.number + 1;
  const mutationError = saving.error ?? publishing.error ?? offering.error;

  return (
    <Flex vertical gap="middle">
      <Link to={libraryPath}>
        <ArrowLeftOutlined /> {t.libraryTitle}
      </Link>
      <Flex gap="small" align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="template-name">
          {template.name}
        </Typography.Title>
        <Tag>{salesRoleLabel(template.salesRole, t)}</Tag>
        <Tag color="blue" data-testid="template-latest-version">
          {interpolate(t.templateLatest, { number: template.latest.number })}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary">{template.description}</Typography.Paragraph>
      <Flex gap="small" wrap align="center">
        <Typography.Text strong>
          {interpolate(t.templateDraft, { number: nextNumber })}
        </Typography.Text>
        {editor.dirty && <Tag color="warning">{t.unsaved}</Tag>}
        <span style={{ flex: 1 }} />
        <Button
          icon={<SaveOutlined />}
          loading={saving.loading}
          onClick={() => void save()}
          data-testid="save-template"
        >
          {t.saveDraft}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => void openPublish()}
          data-testid="publish-template"
        >
          {t.publishTemplate}
        </Button>
        <Button
          icon={<ShareAltOutlined />}
          onClick={() => {
            setOfferErrors([]);
            setChosen(behind.map((a) => a.tenantId));
            setOfferOpen(true);
          }}
          data-testid="offer-template"
        >
          {t.offer}
        </Button>
      </Flex>
      {mutationError && <ErrorDisplay error={mutationError} />}
      <GeneralErrors errors={editor.general} values={editor.values} />
      <SchemeEditor form={editor.form} initialValues={initial} kpis={kpis} readOnly={false} />

      <Typography.Title level={4}>{t.templateVersions}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={template.versions}
        columns={[
          { title: t.colVersion, key: 'n', width: 90, render: (_, v) => v.number },
          {
            title: t.colPublished,
            key: 'p',
            width: 180,
            render: (_, v) => formatDateTime(v.publishedAt, locale),
          },
          { title: t.note, key: 'note', render: (_, v) => v.note ?? '—' },
          {
            title: t.changes,
            key: 'c',
            render: (_, v) => <ChangesList changes={v.changes} empty={t.noChanges} />,
          },
        ]}
      />

      <Modal
        open={publishOpen}
        title={interpolate(t.publishTemplateTitle, { number: nextNumber })}
        okText={t.publish}
        cancelText={t.cancel}
        confirmLoading={publishing.loading}
        onOk={() => void doPublish()}
        onCancel={() => setPublishOpen(false)}
        okButtonProps={{ 'data-testid': 'publish-template-confirm' }}
      >
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t.templateNote}
          autoSize={{ minRows: 2 }}
          data-testid="template-note"
        />
        <div style={{ marginTop: 12 }}>
          <FormErrors errors={publishErrors} />
        </div>
      </Modal>

      <Modal
        open={offerOpen}
        title={interpolate(t.offerTitle, { number: template.latest.number })}
        okText={t.offer}
        cancelText={t.cancel}
        confirmLoading={offering.loading}
        okButtonProps={{ disabled: chosen.length === 0, 'data-testid': 'offer-confirm' }}
        onOk={() => void doOffer()}
        onCancel={() => setOfferOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t.offerHint}</Typography.Paragraph>
        {behind.length === 0 ? (
          <Alert type="info" title={t.offerNone} />
        ) : (
          <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])}>
            <Flex vertical gap="small">
              {behind.map((a: Adoption) => (
                <Checkbox
                  key={a.tenantId}
                  value={a.tenantId}
                  data-testid={`offer-tenant-${a.tenantId}`}
                >
                  {a.tenantName} — {a.schemeName}, v{a.libraryVersion}{' '}
                  {a.proposalStatus && (
                    <Tag color={PROPOSAL_COLORS[a.proposalStatus]}>
                      {proposalStatusLabel(a.proposalStatus, t)}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        )}
        <div style={{ marginTop: 12 }}>
          <FormErrors errors={offerErrors} />
        </div>
      </Modal>
    </Flex>
  );
}
