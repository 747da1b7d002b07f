import { Alert, Button, Typography } from 'antd';
import { interpolate, useMessages } from '../i18n';
import { describeApiError } from './api-error';
import { errorMessages } from './messages';

/**
 * Shows a failed request: a message for the error code, the server's own message when it is meant
 * for users, and the correlation id ("Код обращения") to quote to support.
 */
export function ErrorDisplay({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMessages(errorMessages);
  const info = describeApiError(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t[info.code]}
      description={
        <>
          {info.message && <div>{info.message}</div>}
          <Typography.Text type="secondary" data-testid="error-code">
            {interpolate(t.errorCode, { code: info.code })}
          </Typography.Text>
          {info.correlationId && (
            <div>
              <Typography.Text copyable={{ text: info.correlationId }} data-testid="correlation-id">
                {interpolate(t.correlationId, { id: info.correlationId })}
              </Typography.Text>
            </div>
          )}
        </>
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t.retry}
          </Button>
        )
      }
    />
  );
}
