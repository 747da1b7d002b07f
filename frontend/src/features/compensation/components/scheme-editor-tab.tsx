import { DeleteOutlined, EditOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Col, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import type { UserErrorLike } from '@/shared/user-errors';
import { compensationSchemeQuery } from '../api/compensation-scheme';
import { discardSchemeDraftMutation } from '../api/discard-scheme-draft';
import { publishSchemeVersionMutation } from '../api/publish-scheme-version';
import { saveSchemeDraftMutation } from '../api/save-scheme-draft';
import { definitionToForm, definitionToInput, type Definition } from '../lib/definition-form';
import { formatEffective } from '../lib/months';
import { problemText } from '../lib/problem-text';
import { useDefinitionForm } from '../lib/use-definition-form';
import { useLeaveGuard } from '../lib/use-leave-guard';
import { compensationMessages } from '../messages';
import { GeneralErrors } from './general-errors';
import type { CatalogueKpi } from './kpi-select';
import { LivePreview } from './live-preview';
import { PublishModal } from './publish-modal';
import { SchemeEditor } from './scheme-editor';

interface Shown {
  /** The draft's id, or null when a published version is shown. */
  draftId: string | null;
  number: number;
  definition: Definition;
}

/**
 * The editor tab: the scheme's draft in the form with the live preview beside it, or — without a
 * draft — the version in force read-only with "Edit", which starts a draft from it.
 */
export function SchemeEditorTab({
  schemeId,
  shown,
  canEdit,
  kpis,
  timeZone,
  currency,
  onPublished,
}: {
  schemeId: string;
  shown: Shown | null;
  canEdit: boolean;
  kpis: readonly CatalogueKpi[];
  timeZone: string;
  currency: string;
  onPublished: () => void;
}) {
  const t = useMessages(compensationMessages);
  const { message } = App.useApp();
  const [saveDraft, saving] = useMutation(saveSchemeDraftMutation, {
    refetchQueries: [compensationSchemeQuery],
    awaitRefetchQueries: true,
  });
  if (!shown) {
    return <Alert type="info" showIcon title={t.noVersion} />;
  }
  if (shown.draftId === null) {
    const start = async () => {
      const { data } = await saveDraft({
        variables: { input: { schemeId, definition: definitionToInput(shown.definition) } },
      });
      const version = data?.saveSchemeDraft.version;
      if (version) {
        message.success(interpolate(t.draftStarted, { number: version.number }));
      } else {
        message.error(data?.saveSchemeDraft.errors.map((e) => e.message).join(' ') ?? '');
      }
    };
    return (
      <>
        <Alert
          type="info"
          showIcon
          title={interpolate(t.noDraft, { number: shown.number })}
          action={
            canEdit && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                loading={saving.loading}
                onClick={() => void start()}
                data-testid="start-editing"
              >
                {t.startEditing}
              </Button>
            )
          }
          style={{ marginBottom: 16 }}
        />
        {saving.error && <ErrorDisplay error={saving.error} />}
        <DraftEditor
          key={`published:${shown.number}`}
          schemeId={schemeId}
          shown={shown}
          readOnly
          preview={canEdit}
          kpis={kpis}
          timeZone={timeZone}
          currency={currency}
          onPublished={onPublished}
        />
      </>
    );
  }
  return (
    <DraftEditor
      // One mount per draft: saving refetches the scheme, and remounting then would lose the
      // publish dialog opened right after the save. An accepted proposal comes back through the
      // proposals tab, which mounts the editor anew.
      key={`draft:${shown.draftId}`}
      schemeId={schemeId}
      shown={shown}
      readOnly={!canEdit}
      preview={canEdit}
      kpis={kpis}
      timeZone={timeZone}
      currency={currency}
      onPublished={onPublished}
    />
  );
}

function DraftEditor({
  schemeId,
  shown,
  readOnly,
  preview,
  kpis,
  timeZone,
  currency,
  onPublished,
}: {
  schemeId: string;
  shown: Shown;
  readOnly: boolean;
  /** The preview (tenant admins and the consultancy's people; accountants only read). */
  preview: boolean;
  kpis: readonly CatalogueKpi[];
  timeZone: string;
  currency: string;
  onPublished: () => void;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const initial = useMemo(
    () => definitionToForm(shown.definition, language),
    // The form keeps what was loaded; a language switch does not reset typed values.
    [shown.definition],
  );
  const describe = useCallback(
    (code: Parameters<typeof problemText>[0]) => problemText(code, t),
    [t],
  );
  const editor = useDefinitionForm(initial, describe);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishErrors, setPublishErrors] = useState<UserErrorLike[]>([]);

  const refetch = { refetchQueries: [compensationSchemeQuery], awaitRefetchQueries: true };
  const [saveDraft, saving] = useMutation(saveSchemeDraftMutation, refetch);
  const [publish, publishing] = useMutation(publishSchemeVersionMutation, refetch);
  const [discard, discarding] = useMutation(discardSchemeDraftMutation, refetch);

  useLeaveGuard(editor.dirty && !readOnly, {
    title: t.unsavedTitle,
    content: t.unsavedText,
    okText: t.unsavedOk,
    cancelText: t.unsavedCancel,
  });

  /** Saves the form as the draft; true when the server took it. */
  const save = async (quiet = false): Promise<boolean> => {
    const definition = await editor.validInput();
    if (!definition) {
      message.error(t.fixErrors);
      return false;
    }
    const { data } = await saveDraft({ variables: { input: { schemeId, definition } } });
    const payload = data?.saveSchemeDraft;
    if (!payload || payload.errors.length > 0) {
      editor.showErrors(payload?.errors ?? []);
      message.error(t.fixErrors);
      return false;
    }
    editor.setGeneral([]);
    editor.markSaved();
    if (!quiet) {
      message.success(
        interpolate(t.draftSaved, { number: payload.version?.number ?? shown.number }),
      );
    }
    return true;
  };

  const openPublish = async () => {
    if (editor.dirty && !(await save(true))) {
      return;
    }
    setPublishErrors([]);
    setPublishOpen(true);
  };

  const doPublish = async (effectiveFrom: string) => {
    const { data } = await publish({
      variables: { input: { versionId: shown.draftId!, effectiveFrom } },
    });
    const payload = data?.publishSchemeVersion;
    if (!payload || payload.errors.length > 0) {
      setPublishErrors(payload?.errors ?? []);
      return;
    }
    setPublishOpen(false);
    message.success(
      interpolate(t.published, {
        number: payload.version?.number ?? shown.number,
        month: formatEffective(effectiveFrom, INTL_LOCALE[language]),
      }),
    );
    onPublished();
  };

  // The preview's verdict on the definition as typed: its errors on the fields right away.
  const { showErrors } = editor;
  const onPreviewErrors = useCallback(
    (errors: readonly UserErrorLike[]) => showErrors(errors),
    [showErrors],
  );

  const mutationError = saving.error ?? publishing.error ?? discarding.error;

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xxl={preview ? 13 : 24}>
        {!readOnly && (
          <Flex
            gap="small"
            wrap
            align="center"
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 3,
              background: 'var(--ant-color-bg-layout, #f5f5f5)',
              padding: '8px 0',
              marginBottom: 8,
            }}
          >
            <Typography.Text strong>
              {interpolate(t.draftOf, { number: shown.number })}
            </Typography.Text>
            {editor.dirty && (
              <Tag color="warning" data-testid="unsaved">
                {t.unsaved}
              </Tag>
            )}
            <span style={{ flex: 1 }} />
            <Popconfirm
              title={t.discardConfirm}
              okButtonProps={{ danger: true }}
              onConfirm={async () => {
                await discard({ variables: { input: { schemeId } } });
                editor.markSaved();
                message.success(t.draftDiscarded);
              }}
            >
              <Button
                icon={<DeleteOutlined />}
                danger
                loading={discarding.loading}
                data-testid="discard-draft"
              >
                {t.discardDraft}
              </Button>
            </Popconfirm>
            <Button
              icon={<SaveOutlined />}
              loading={saving.loading}
              onClick={() => void save()}
              data-testid="save-draft"
            >
              {t.saveDraft}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={publishing.loading}
              onClick={() => void openPublish()}
              data-testid="publish"
            >
              {t.publish}
            </Button>
          </Flex>
        )}
        {readOnly && shown.draftId !== null && <Tag style={{ marginBottom: 8 }}>{t.readOnly}</Tag>}
        {mutationError && <ErrorDisplay error={mutationError} />}
        <GeneralErrors errors={editor.general} values={editor.values} />
        <SchemeEditor form={editor.form} initialValues={initial} kpis={kpis} readOnly={readOnly} />
      </Col>
      {preview && (
        <Col xs={24} xxl={11}>
          <LivePreview
            schemeId={schemeId}
            definition={editor.result.ok ? editor.result.input : null}
            timeZone={timeZone}
            currency={currency}
            onErrors={onPreviewErrors}
          />
        </Col>
      )}
      {!readOnly && shown.draftId !== null && (
        <PublishModal
          open={publishOpen}
          number={shown.number}
          timeZone={timeZone}
          publishing={publishing.loading}
          errors={publishErrors}
          onPublish={(month) => void doPublish(month)}
          onCancel={() => setPublishOpen(false)}
        />
      )}
    </Row>
  );
}
