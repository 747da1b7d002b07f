import { useApolloClient, useMutation } from '@apollo/client/react';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { acceptInvitationMutation } from '../api/accept-invitation';
import { AuthCard } from '../components/auth-card';
import { NewPasswordFields } from '../components/new-password-fields';
import { resetSession } from '../lib/reset-session';
import { identityMessages } from '../messages';

interface InvitationValues {
  displayName: string;
  password: string;
  confirm: string;
}

const FIELDS = ['displayName', 'password'];

/** `/invite/:token`: the invited person sets his name and password, is signed in and starts. */
export function AcceptInvitationPage() {
  const t = useMessages(identityMessages);
  const { message } = App.useApp();
  const { token = '' } = useParams();
  const [form] = Form.useForm<InvitationValues>();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [accept, { loading, error }] = useMutation(acceptInvitationMutation);
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [entering, setEntering] = useState(false);

  const describe = (e: UserErrorLike) =>
    e.code === 'EXPIRED' || e.code === 'NOT_FOUND' ? t.invitationExpired : e.message;

  const submit = async ({ displayName, password }: InvitationValues) => {
    setFormErrors([]);
    const result = await accept({
      variables: { input: { token, displayName: displayName.trim(), password } },
    }).catch(() => undefined);
    const payload = result?.data?.acceptInvitation;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      setFormErrors(applyUserErrors(form, payload.errors, FIELDS));
      return;
    }
    setEntering(true);
    await resetSession(client);
    void message.success(t.invitationAccepted);
    navigate('/', { replace: true });
  };

  return (
    <AuthCard title={t.invitationTitle} text={t.invitationText}>
      <Form<InvitationValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        disabled={entering}
      >
        <Form.Item
          name="displayName"
          label={t.displayName}
          rules={[{ required: true, whitespace: true, message: t.displayNameRequired }]}
        >
          <Input autoComplete="name" autoFocus data-testid="display-name" />
        </Form.Item>
        <NewPasswordFields />
        <FormErrors errors={formErrors} describe={describe} />
        {error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorDisplay error={error} />
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={loading || entering}>
          {t.acceptInvitation}
        </Button>
      </Form>
    </AuthCard>
  );
}
