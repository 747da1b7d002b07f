import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { payoutStatementQuery } from '../api/payout-statement';
import { raiseInquiryMutation } from '../api/raise-inquiry';
import { payoutMessages } from '../messages';

/**
 * A manager's question about one line: a comment → `raiseInquiry`. The statement is asked
 * again before the form says it is sent, so the new thread is on screen by then.
 */
export function RaiseInquiryForm({ lineId, lineName }: { lineId: string; lineName: string }) {
  const t = useMessages(payoutMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [raise, { loading, error }] = useMutation(raiseInquiryMutation, {
    // Only an inquiry made is worth asking the statement again for.
    refetchQueries: ({ data }) => (data?.raiseInquiry.inquiry ? [payoutStatementQuery] : []),
    awaitRefetchQueries: true,
  });
  const submit = async ({ comment }: { comment: string }) => {
    const { data } = await raise({ variables: { input: { lineId, comment: comment.trim() } } });
    const payload = data?.raiseInquiry;
    if (!payload?.inquiry) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], ['comment']));
      return;
    }
    setErrors([]);
    form.resetFields();
    message.success(interpolate(t.asked, { line: lineName }));
  };
  return (
    <div data-testid={`raise-inquiry-${lineId}`}>
      <Typography.Text strong>{t.askTitle}</Typography.Text>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values).catch(() => {})}
        style={{ marginTop: 4, maxWidth: 640 }}
      >
        <Form.Item
          name="comment"
          label={t.comment}
          rules={[{ required: true, whitespace: true, message: t.required }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t.commentPlaceholder}
            data-testid="inquiry-comment"
          />
        </Form.Item>
        <FormErrors errors={errors} />
        {error && <ErrorDisplay error={error} />}
        <Button type="primary" htmlType="submit" loading={loading} data-testid="inquiry-submit">
          {t.ask}
        </Button>
      </Form>
    </div>
  );
}
