import { CheckOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Flex, Form, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { DateField } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { deleteRegulationsDraftMutation } from '../api/delete-regulations-draft';
import { publishRegulationsMutation } from '../api/publish-regulations';
import { regulationsQuery } from '../api/regulations';
import { updateRegulationsDraftMutation } from '../api/update-regulations-draft';
import { formatDayDots } from '../lib/dates';
import { refetchWhenAccepted } from '../lib/refetch';
import { regulationsMessages } from '../messages';

interface Values {
  effectiveFrom: string;
}

const FIELDS = ['effectiveFrom'] as const;

/**
 * The draft of the next version: its effective date (saved on change, `updateRegulationsDraft`),
 * «Опубликовать» after a confirmation (`publishRegulations`) and
 * «Удалить черновик». The date is not before `earliest` (today, or the newest published version's
 * effective date when later), as the server requires. The server's errors land under the date or below the card; every success
 * reloads the page's `regulations`.
 */
export function DraftCard({
  draft,
  earliest,
  canEdit,
}: {
  draft: { id: string; number: number; effectiveFrom: string };
  /** The earliest effective date: today in the tenant's zone or the current version's, "YYYY-MM-DD". */
  earliest: string;
  canEdit: boolean;
}) {
  const t = useMessages(regulationsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const refetch = refetchWhenAccepted(regulationsQuery);
  const [update, updating] = useMutation(updateRegulationsDraftMutation, refetch);
  const [publish, publishing] = useMutation(publishRegulationsMutation, refetch);
  const [remove, removing] = useMutation(deleteRegulationsDraftMutation, refetch);
  const date = Form.useWatch('effectiveFrom', form) ?? draft.effectiveFrom;
  const tooEarly = date !== '' && date < earliest;

  const onDate = async (effectiveFrom: string) => {
    if (effectiveFrom === '' || effectiveFrom === draft.effectiveFrom) {
      return;
    }
    const { data } = await update({ variables: { input: { id: draft.id, effectiveFrom } } });
    const payload = data?.updateRegulationsDraft;
    if (!payload?.document) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], FIELDS));
      return;
    }
    setErrors([]);
    form.setFields([{ name: 'effectiveFrom', errors: [] }]);
    message.success(t.draftDateSaved);
  };

  const onPublish = async () => {
    const { data } = await publish({
      variables: { input: { id: draft.id, effectiveFrom: date } },
    });
    const payload = data?.publishRegulations;
    if (!payload?.document) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], FIELDS));
      return;
    }
    setErrors([]);
    message.success(interpolate(t.published, { number: payload.document.number }));
  };

  const onDelete = async () => {
    const { data } = await remove({ variables: { input: { id: draft.id } } });
    const payload = data?.deleteRegulationsDraft;
    if (payload && payload.errors.length > 0) {
      setErrors(payload.errors);
      return;
    }
    message.success(t.draftDeleted);
  };

  const failure = updating.error ?? publishing.error ?? removing.error;
  return (
    <Card
      title={interpolate(t.draftTitle, { number: draft.number })}
      data-testid="draft-card"
      data-draft-id={draft.id}
    >
      <Typography.Paragraph type="secondary">{t.draftHint}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ effectiveFrom: draft.effectiveFrom }}
        data-testid="draft-form"
      >
        <Form.Item
          name="effectiveFrom"
          label={t.draftEffectiveFrom}
          {...(tooEarly
            ? {
                validateStatus: 'error' as const,
                help: interpolate(t.dateTooEarly, { date: formatDayDots(earliest) }),
              }
            : {})}
        >
          <DateField
            testId="draft-effective-from"
            disabled={!canEdit}
            disabledDate={(day) => day < earliest}
            onChange={(value) => void onDate(value).catch(() => {})}
          />
        </Form.Item>
        {canEdit && (
          <Flex gap="small">
            <Popconfirm
              title={interpolate(t.publishConfirm, {
                number: draft.number,
                date: formatDayDots(date),
              })}
              okText={t.publish}
              cancelText={t.cancel}
              okButtonProps={{ 'data-testid': 'publish-confirm' }}
              onConfirm={() => onPublish().catch(() => {})}
              disabled={tooEarly}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={tooEarly}
                loading={publishing.loading}
                data-testid="publish-draft"
              >
                {t.publish}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t.deleteDraftConfirm}
              okText={t.deleteDraft}
              cancelText={t.cancel}
              okButtonProps={{ danger: true, 'data-testid': 'delete-draft-confirm' }}
              onConfirm={() => onDelete().catch(() => {})}
            >
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={removing.loading}
                data-testid="delete-draft"
              >
                {t.deleteDraft}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Form>
      <div style={{ marginTop: 16 }}>
        <FormErrors errors={errors} />
        {failure && <ErrorDisplay error={failure} />}
      </div>
    </Card>
  );
}
