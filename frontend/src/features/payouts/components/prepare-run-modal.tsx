import { useMutation } from '@apollo/client/react';
import { Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useFragment as unmask } from '@/gql';
import type { PayoutRunFieldsFragment } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { useI18n, useMessages } from '@/shared/i18n';
import { closedMonths, periodLabel } from '@/shared/period';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { payoutRunFieldsFragment } from '../api/payout-run-fields';
import { preparePayoutRunMutation } from '../api/prepare-payout-run';
import { payoutMessages } from '../messages';

/** How many closed months the picker offers, newest first. */
export const PREPARE_MONTHS = 24;

/**
 * «Подготовить ведомость»: a closed month (the last one by default) → `preparePayoutRun`; the
 * server's errors land under the month or above the buttons. `onPrepared` gets the new run.
 */
export function PrepareRunModal({
  open,
  timeZone,
  onClose,
  onPrepared,
}: {
  open: boolean;
  timeZone: string;
  onClose: () => void;
  onPrepared: (run: PayoutRunFieldsFragment) => void;
}) {
  const t = useMessages(payoutMessages);
  const { language } = useI18n();
  const months = useMemo(() => closedMonths(timeZone, PREPARE_MONTHS), [timeZone]);
  const [form] = Form.useForm<{ month: string }>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [prepare, { loading, error }] = useMutation(preparePayoutRunMutation);
  const submit = async ({ month }: { month: string }) => {
    const { data } = await prepare({ variables: { input: { month } } });
    const payload = data?.preparePayoutRun;
    if (!payload?.run) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], ['month']));
      return;
    }
    setErrors([]);
    onPrepared(unmask(payoutRunFieldsFragment, payload.run));
  };
  return (
    <Modal
      open={open}
      title={t.prepareTitle}
      okText={t.prepareOk}
      cancelText={t.cancel}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'prepare-confirm' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.prepareHint}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ month: months[0] }}
        onFinish={(values) => void submit(values).catch(() => {})}
      >
        <Form.Item
          name="month"
          label={t.prepareMonth}
          rules={[{ required: true, message: t.required }]}
        >
          <Select<string>
            options={months.map((m) => ({
              value: m,
              label: periodLabel({ kind: 'MONTH', start: m }, language),
            }))}
            data-testid="prepare-month"
          />
        </Form.Item>
      </Form>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
    </Modal>
  );
}
