import { useApolloClient, useMutation } from '@apollo/client/react';
import { App, Button, Form } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { resetPasswordMutation } from '../api/reset-password';
import { AuthCard } from '../components/auth-card';
import { NewPasswordFields } from '../components/new-password-fields';
import { identityPaths } from '../lib/paths';
import { resetSession } from '../lib/reset-session';
import { identityMessages } from '../messages';

interface NewPasswordValues {
  password: string;
  confirm: string;
}

/** `/reset-password/:token`: sets a new password with the link's token and signs in. */
export function ResetPasswordPage() {
  const t = useMessages(identityMessages);
  const { message } = App.useApp();
  const { token = '' } = useParams();
  const [form] = Form.useForm<NewPasswordValues>();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [resetPassword, { loading, error }] = useMutation(resetPasswordMutation);
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [entering, setEntering] = useState(false);

  const expired = formErrors.some((e) => e.code === 'EXPIRED' || e.code === 'NOT_FOUND');
  const describe = (e: UserErrorLike) =>
    e.code === 'EXPIRED' || e.code === 'NOT_FOUND' ? t.resetExpired : e.message;

  const submit = async ({ password }: NewPasswordValues) => {
    setFormErrors([]);
    const result = await resetPassword({ variables: { input: { token, password } } }).catch(
      () => undefined,
    );
    const payload = result?.data?.resetPassword;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      setFormErrors(applyUserErrors(form, payload.errors, ['password']));
      return;
    }
    setEntering(true);
    await resetSession(client);
    void message.success(t.passwordChanged);
    navigate('/', { replace: true });
  };

  return (
    <AuthCard title={t.newPasswordTitle}>
      <Form<NewPasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        disabled={entering}
      >
        <NewPasswordFields />
        <FormErrors errors={formErrors} describe={describe} />
        {expired && (
          <p>
            <Link to={identityPaths.requestPasswordReset}>{t.requestNewLink}</Link>
          </p>
        )}
        {error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorDisplay error={error} />
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={loading || entering}>
          {t.savePassword}
        </Button>
      </Form>
    </AuthCard>
  );
}
