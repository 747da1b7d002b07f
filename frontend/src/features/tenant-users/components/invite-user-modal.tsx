import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { accessRoleMessages, TENANT_ROLES, type TenantRole } from '@/shared/access';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { absoluteUrl } from '@/shared/url';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { inviteUserMutation } from '../api/invite-user';
import { tenantUsersQuery } from '../api/tenant-users';
import { tenantUserMessages } from '../messages';

interface InviteValues {
  email: string;
  accessRole: TenantRole;
}

const FIELDS = ['email', 'accessRole'];

/**
 * Invites someone to the active tenant, then shows the invitation link to hand over (the demo has
 * no e-mail server) with a copy button.
 */
export function InviteUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(tenantUserMessages);
  const roles = useMessages(accessRoleMessages);
  const [form] = Form.useForm<InviteValues>();
  const [invite, { loading, error, reset }] = useMutation(inviteUserMutation, {
    // The new user appears in the list (its first page is fetched again).
    refetchQueries: ({ data }) => (data?.inviteUser.tenantUser ? [tenantUsersQuery] : []),
  });
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [invited, setInvited] = useState<{ email: string; link: string } | undefined>();

  const startOver = () => {
    setInvited(undefined);
    setFormErrors([]);
    reset();
    form.resetFields();
  };

  const close = () => {
    onClose();
    startOver();
  };

  const submit = async ({ email, accessRole }: InviteValues) => {
    setFormErrors([]);
    const result = await invite({
      variables: { input: { email: email.trim(), accessRole } },
    }).catch(() => undefined);
    const payload = result?.data?.inviteUser;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      setFormErrors(applyUserErrors(form, payload.errors, FIELDS));
      return;
    }
    // The dialog itself says so and shows the link; no toast on top of it.
    setInvited({
      email: payload.tenantUser?.user.email ?? email.trim(),
      // The server gives a path (/invite/<token>); the person needs the whole address.
      link: payload.invitationLink ? absoluteUrl(payload.invitationLink) : '',
    });
  };

  return (
    <Modal
      open={open}
      title={t.inviteTitle}
      onCancel={close}
      destroyOnHidden
      footer={
        invited
          ? [
              <Button key="again" onClick={startOver}>
                {t.inviteAnother}
              </Button>,
              <Button key="done" type="primary" onClick={close}>
                {t.done}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t.cancel}
              </Button>,
              <Button
                key="invite"
                type="primary"
                loading={loading}
                onClick={() => form.submit()}
                data-testid="invite-submit"
              >
                {t.invite}
              </Button>,
            ]
      }
    >
      {invited ? (
        <Result
          status="success"
          title={interpolate(t.invitationCreated, { email: invited.email })}
          subTitle={t.invitationLinkText}
          style={{ paddingBlock: 16 }}
        >
          {invited.link && (
            <Typography.Paragraph
              copyable={{ text: invited.link, tooltips: [t.copyLink, t.linkCopied] }}
              style={{ wordBreak: 'break-all', marginBottom: 0 }}
            >
              <Typography.Text code data-testid="invitation-link">
                {invited.link}
              </Typography.Text>
            </Typography.Paragraph>
          )}
        </Result>
      ) : (
        <Form<InviteValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ accessRole: 'MANAGER' }}
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
            <Input type="email" autoComplete="off" autoFocus data-testid="invite-email" />
          </Form.Item>
          <Form.Item
            name="accessRole"
            label={t.role}
            rules={[{ required: true, message: t.roleRequired }]}
          >
            <Select<TenantRole>
              data-testid="invite-role"
              options={TENANT_ROLES.map((r) => ({ value: r, label: roles[r] }))}
            />
          </Form.Item>
          <FormErrors errors={formErrors} />
          {error && <ErrorDisplay error={error} />}
          {/* Enter in a field submits the form, as the footer button does. */}
          <button type="submit" hidden />
        </Form>
      )}
    </Modal>
  );
}
