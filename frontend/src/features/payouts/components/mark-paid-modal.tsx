import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { DateField } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { markPayoutRunPaidMutation } from '../api/mark-payout-run-paid';
import { payoutMessages } from '../messages';

interface Values {
  paidOn: string;
  reference: string;
}

/**
 * «Отметить выплаченной»: the day the money went out and the payment document, both required →
 * `markPayoutRunPaid`. The payload's run redraws the page (status, payment, downloads).
 */
export function MarkPaidModal({
  open,
  runId,
  monthLabel,
  onClose,
}: {
  open: boolean;
  runId: string;
  monthLabel: string;
  onClose: () => void;
}) {
  const t = useMessages(payoutMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [markPaid, { loading, error }] = useMutation(markPayoutRunPaidMutation);
  const submit = async (values: Values) => {
    const { data } = await markPaid({
      variables: {
        input: { runId, paidOn: values.paidOn, reference: values.reference.trim() },
      },
    });
    const payload = data?.markPayoutRunPaid;
    if (!payload?.run) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], ['paidOn', 'reference']));
      return;
    }
    setErrors([]);
    message.success(interpolate(t.markedPaid, { month: monthLabel }));
    onClose();
  };
  return (
    <Modal
      open={open}
      title={interpolate(t.markPaidTitle, { month: monthLabel })}
      okText={t.markPaidOk}
      cancelText={t.cancel}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'mark-paid-confirm' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values).catch(() => {})}
      >
        <Form.Item name="paidOn" label={t.paidOn} rules={[{ required: true, message: t.required }]}>
          <DateField testId="paid-on" />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t.reference}
          rules={[{ required: true, whitespace: true, message: t.required }]}
        >
          <Input
            maxLength={200}
            placeholder={t.referencePlaceholder}
            data-testid="payment-reference"
          />
        </Form.Item>
      </Form>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
    </Modal>
  );
}
