import { useMutation } from '@apollo/client/react';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import type { PortalConnectionFieldsFragment } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { configurePortalMutation } from '../api/configure-portal';
import { pipelineIdsFor } from '../lib/sync-state';
import { integrationMessages } from '../messages';
import {
  DEFAULT_NPS_FIELD,
  npsFieldFor,
  PIPELINE_FIELDS,
  PipelineFields,
  type PipelineValues,
} from './pipeline-fields';

type Pipeline = PortalConnectionFieldsFragment['pipelines'][number];

/** Changes which deal pipelines are synced and the NPS field; the connection updates in the cache. */
export function ConfigurePipelinesModal({
  open,
  onClose,
  pipelines,
  npsField,
}: {
  open: boolean;
  onClose: () => void;
  pipelines: readonly Pipeline[];
  npsField: string;
}) {
  const t = useMessages(integrationMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<PipelineValues>();
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [configure, { loading, error, reset }] = useMutation(configurePortalMutation);

  const close = () => {
    setFormErrors([]);
    reset();
    onClose();
  };

  const submit = async (values: PipelineValues) => {
    setFormErrors([]);
    const pipelineIds = pipelineIdsFor(pipelines, values.pipelineIds ?? []);
    const result = await configure({
      variables: { input: { pipelineIds, npsField: npsFieldFor(values.npsField) } },
    }).catch(() => undefined);
    const payload = result?.data?.configurePortal;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      setFormErrors(applyUserErrors(form, payload.errors, PIPELINE_FIELDS));
      return;
    }
    const names =
      pipelineIds.length === 0
        ? t.allPipelines
        : pipelines
            .filter((p) => pipelineIds.includes(p.id))
            .map((p) => p.name)
            .join(', ');
    void message.success(interpolate(t.configured, { pipelines: names }));
    close();
  };

  // None marked means the server syncs all of them: show that as all ticked.
  const selected = pipelines.filter((p) => p.selected).map((p) => p.id);

  return (
    <Modal
      open={open}
      title={t.configureTitle}
      okText={t.save}
      cancelText={t.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'configure-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<PipelineValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          pipelineIds: selected.length > 0 ? selected : pipelines.map((p) => p.id),
          npsField: npsField || DEFAULT_NPS_FIELD,
        }}
        onFinish={(values) => void submit(values)}
      >
        <PipelineFields pipelines={pipelines} />
        <FormErrors errors={formErrors} />
        {error && <ErrorDisplay error={error} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
