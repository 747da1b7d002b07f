import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { parseSignedDecimalInput } from '@/shared/numbers';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { answerInquiryMutation } from '../api/answer-inquiry';
import { payoutStatementQuery } from '../api/payout-statement';
import { payoutMessages } from '../messages';

interface Values {
  answer: string;
  correction?: string;
}

/**
 * A tenant admin's answer to an open inquiry, with an optional correction (a signed amount as
 * typed, «-1 500,50»; sent as a plain decimal) → `answerInquiry`.
 */
export function AnswerInquiryForm({
  inquiryId,
  lineName,
}: {
  inquiryId: string;
  lineName: string;
}) {
  const t = useMessages(payoutMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [answer, { loading, error }] = useMutation(answerInquiryMutation, {
    // Only an inquiry made is worth asking the statement again for.
    refetchQueries: ({ data }) => (data?.answerInquiry.inquiry ? [payoutStatementQuery] : []),
    awaitRefetchQueries: true,
  });
  const submit = async (values: Values) => {
    const correction = parseSignedDecimalInput(values.correction);
    const { data } = await answer({
      variables: {
        input: {
          inquiryId,
          answer: values.answer.trim(),
          ...(correction ? { correction } : {}),
        },
      },
    });
    const payload = data?.answerInquiry;
    if (!payload?.inquiry) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], ['answer', 'correction']));
      return;
    }
    setErrors([]);
    form.resetFields();
    message.success(interpolate(t.answered, { line: lineName }));
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values).catch(() => {})}
      style={{ maxWidth: 640 }}
      data-testid={`answer-inquiry-${inquiryId}`}
    >
      <Form.Item
        name="answer"
        label={t.answer}
        rules={[{ required: true, whitespace: true, message: t.required }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t.answerPlaceholder}
          data-testid="inquiry-answer"
        />
      </Form.Item>
      <Form.Item
        name="correction"
        label={t.correction}
        extra={t.correctionHint}
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              if (parseSignedDecimalInput(value) === null) {
                throw new Error(t.notNumber);
              }
            },
          },
        ]}
      >
        <Input
          inputMode="decimal"
          style={{ maxWidth: 240 }}
          data-testid="inquiry-correction-input"
        />
      </Form.Item>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
      <Button
        type="primary"
        htmlType="submit"
        loading={loading}
        data-testid="inquiry-answer-submit"
      >
        {t.sendAnswer}
      </Button>
    </Form>
  );
}
