import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { regulationsQuery } from '../api/regulations';
import { saveRegulationsSectionMutation } from '../api/save-regulations-section';
import { refetchWhenAccepted } from '../lib/refetch';
import { regulationsMessages } from '../messages';

export interface SectionValues {
  titleRu: string;
  titleEn: string;
  bodyRu: string;
  bodyEn: string;
}

const FIELDS = ['titleRu', 'titleEn', 'bodyRu', 'bodyEn'] as const;

const orNull = (value: string | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * One own section, new (no `id`) or edited: titles and Markdown bodies in Russian and English
 * (`saveRegulationsSection`). The server's errors land under the field their path names.
 */
export function SectionForm({
  id,
  initial,
  onDone,
}: {
  id: string | null;
  initial: SectionValues;
  onDone: () => void;
}) {
  const t = useMessages(regulationsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<SectionValues>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [save, { loading, error }] = useMutation(
    saveRegulationsSectionMutation,
    refetchWhenAccepted(regulationsQuery),
  );

  const submit = async (values: SectionValues) => {
    const { data } = await save({
      variables: {
        input: {
          ...(id ? { id } : {}),
          titleRu: values.titleRu.trim(),
          titleEn: orNull(values.titleEn),
          bodyRu: values.bodyRu,
          bodyEn: orNull(values.bodyEn),
        },
      },
    });
    const payload = data?.saveRegulationsSection;
    if (!payload?.section) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], FIELDS));
      return;
    }
    setErrors([]);
    message.success(interpolate(t.sectionSaved, { title: payload.section.titleRu }));
    onDone();
  };

  return (
    <Card size="small" title={id ? undefined : t.newSection} data-testid="section-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values).catch(() => {})}
      >
        <Flex gap="middle" wrap>
          <Form.Item
            name="titleRu"
            label={t.titleRu}
            rules={[{ required: true, whitespace: true, message: t.required }]}
            style={{ flex: '1 1 280px' }}
          >
            <Input data-testid="section-title-ru" />
          </Form.Item>
          <Form.Item name="titleEn" label={t.titleEn} style={{ flex: '1 1 280px' }}>
            <Input data-testid="section-title-en" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="bodyRu"
          label={t.bodyRu}
          rules={[{ required: true, whitespace: true, message: t.required }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} data-testid="section-body-ru" />
        </Form.Item>
        <Form.Item name="bodyEn" label={t.bodyEn} extra={t.bodyEnHint}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} data-testid="section-body-en" />
        </Form.Item>
        <FormErrors errors={errors} />
        {error && <ErrorDisplay error={error} />}
        <Flex gap="small">
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={loading}
            data-testid="section-save"
          >
            {t.save}
          </Button>
          <Button onClick={onDone} data-testid="section-cancel">
            {t.cancel}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
