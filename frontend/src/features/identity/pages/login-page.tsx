import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { signInMutation } from '../api/sign-in';
import { AuthCard } from '../components/auth-card';
import { safeNextPath } from '../lib/next-path';
import { identityPaths } from '../lib/paths';
import { resetSession } from '../lib/reset-session';
import { identityMessages } from '../messages';

interface SignInValues {
  email: string;
  password: string;
}

const FIELDS = ['email', 'password'];

/**
 * `/login?next=/settings/users`: signs in, drops whatever the cache held before and goes to `next`
 * (only a path of this app; anything else goes to the start page).
 */
export function LoginPage() {
  const t = useMessages(identityMessages);
  const [form] = Form.useForm<SignInValues>();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const client = useApolloClient();
  const [signIn, { loading, error }] = useMutation(signInMutation);
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [entering, setEntering] = useState(false);

  const describe = (e: UserErrorLike) =>
    e.code === 'INVALID_CREDENTIALS'
      ? t.invalidCredentials
      : e.code === 'LOCKED'
        ? t.locked
        : e.message;

  const submit = async ({ email, password }: SignInValues) => {
    setFormErrors([]);
    const result = await signIn({ variables: { input: { email: email.trim(), password } } }).catch(
      () => undefined, // shown through `error`
    );
    const payload = result?.data?.signIn;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      // A wrong password concerns the pair, whatever field the server names: say so above the form.
      const credentials = payload.errors.filter(
        (e) => e.code === 'INVALID_CREDENTIALS' || e.code === 'LOCKED',
      );
      const rest = payload.errors.filter((e) => !credentials.includes(e));
      setFormErrors([...credentials, ...applyUserErrors(form, rest, FIELDS)]);
      form.setFieldValue('password', '');
      return;
    }
    setEntering(true);
    await resetSession(client);
    navigate(next, { replace: true });
  };

  return (
    <AuthCard title={t.signInTitle}>
      <Form<SignInValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => formErrors.length > 0 && setFormErrors([])}
        disabled={entering}
        data-testid="login-form"
      >
        <Form.Item
          name="email"
          label={t.email}
          rules={[
            { required: true, whitespace: true, message: t.emailRequired },
            { type: 'email', message: t.emailInvalid },
          ]}
        >
          <Input type="email" autoComplete="username" autoFocus data-testid="login-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t.password}
          rules={[{ required: true, message: t.passwordRequired }]}
        >
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <FormErrors errors={formErrors} describe={describe} />
        {error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorDisplay error={error} />
          </div>
        )}
        <Form.Item style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={loading || entering}
            data-testid="login-submit"
          >
            {t.signIn}
          </Button>
        </Form.Item>
        <Link to={identityPaths.requestPasswordReset} data-testid="forgot-password">
          {t.forgotPassword}
        </Link>
      </Form>
    </AuthCard>
  );
}
