import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { absoluteUrl } from '@/shared/url';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { requestPasswordResetMutation } from '../api/request-password-reset';
import { AuthCard } from '../components/auth-card';
import { identityPaths } from '../lib/paths';
import { identityMessages } from '../messages';

interface ResetRequestValues {
  email: string;
}

/**
 * `/reset-password`: asks for a reset link. The answer is the same whether or not the address is
 * known; in the demo (dev profile) the server also returns the link it would have e-mailed.
 */
export function RequestPasswordResetPage() {
  const t = useMessages(identityMessages);
  const [form] = Form.useForm<ResetRequestValues>();
  const [requestReset, { loading, error }] = useMutation(requestPasswordResetMutation);
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [sent, setSent] = useState<{ demoLink: string | null } | undefined>();

  const submit = async ({ email }: ResetRequestValues) => {
    setFormErrors([]);
    const result = await requestReset({ variables: { input: { email: email.trim() } } }).catch(
      () => undefined,
    );
    const payload = result?.data?.requestPasswordReset;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      setFormErrors(applyUserErrors(form, payload.errors, ['email']));
      return;
    }
    setSent({ demoLink: payload.demoLink ? absoluteUrl(payload.demoLink) : null });
  };

  const backToSignIn = (
    <Link to={identityPaths.login} data-testid="back-to-sign-in">
      {t.backToSignIn}
    </Link>
  );

  if (sent) {
    return (
      <AuthCard title={t.resetTitle}>
        <Alert
          type="success"
          showIcon
          title={t.resetRequested}
          data-testid="reset-requested"
          style={{ marginBottom: 16 }}
        />
        {sent.demoLink && (
          <Alert
            type="info"
            title={t.demoLinkTitle}
            description={
              <Typography.Link
                href={sent.demoLink}
                copyable={{ text: sent.demoLink }}
                data-testid="demo-link"
                style={{ wordBreak: 'break-all' }}
              >
                {sent.demoLink}
              </Typography.Link>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {backToSignIn}
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t.resetTitle} text={t.resetText}>
      <Form<ResetRequestValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="email"
          label={t.email}
          rules={[
            { required: true, whitespace: true, message: t.emailRequired },
            { type: 'email', message: t.emailInvalid },
          ]}
        >
          <Input type="email" autoComplete="username" autoFocus data-testid="reset-email" />
        </Form.Item>
        <FormErrors errors={formErrors} />
        {error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorDisplay error={error} />
          </div>
        )}
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" block loading={loading}>
            {t.sendLink}
          </Button>
        </Form.Item>
        {backToSignIn}
      </Form>
    </AuthCard>
  );
}
