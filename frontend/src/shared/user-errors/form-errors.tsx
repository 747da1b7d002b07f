import { Alert } from 'antd';
import type { UserErrorLike } from './user-errors';

/** Errors that concern a whole form, shown above its buttons; nothing when there are none. */
export function FormErrors({
  errors,
  describe = (e) => e.message,
}: {
  errors: readonly UserErrorLike[];
  /** Our own text for a code, else the server's message. */
  describe?: (error: UserErrorLike) => string;
}) {
  if (errors.length === 0) {
    return null;
  }
  const texts = [...new Set(errors.map(describe))];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-errors"
      title={texts.length === 1 ? texts[0] : undefined}
      description={
        texts.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {texts.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
