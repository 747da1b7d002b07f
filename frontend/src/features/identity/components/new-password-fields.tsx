import { Form, Input } from 'antd';
import { interpolate, useMessages } from '@/shared/i18n';
import { MIN_PASSWORD_LENGTH } from '../lib/password';
import { identityMessages } from '../messages';

/** A new password (at least 10 characters) and its confirmation, as form fields `password`, `confirm`. */
export function NewPasswordFields() {
  const t = useMessages(identityMessages);
  const min = { min: MIN_PASSWORD_LENGTH };
  const tooShort = interpolate(t.passwordTooShort, min);
  return (
    <>
      <Form.Item
        name="password"
        label={t.newPassword}
        extra={interpolate(t.passwordHint, min)}
        rules={[
          { required: true, message: t.passwordRequired },
          { min: MIN_PASSWORD_LENGTH, message: tooShort },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.passwordConfirm}
        dependencies={['password']}
        rules={[
          { required: true, message: t.passwordConfirmRequired },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t.passwordMismatch)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
    </>
  );
}
