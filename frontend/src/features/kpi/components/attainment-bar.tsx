import { Progress, Typography } from 'antd';
import { useI18n } from '@/shared/i18n';
import { formatAttainment } from '../lib/format-kpi';

/** Plan attainment as a progress bar (capped at 100 % visually) with the exact percentage. */
export function AttainmentBar({
  attainment,
  testId,
  size = 'default',
}: {
  attainment: string | null | undefined;
  testId?: string;
  size?: 'small' | 'default';
}) {
  const { locale } = useI18n();
  const text = formatAttainment(attainment, locale);
  if (text === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        —
      </Typography.Text>
    );
  }
  const n = Number(attainment);
  const status = n >= 100 ? 'success' : n >= 80 ? 'normal' : 'exception';
  return (
    <Progress
      percent={Math.max(0, Math.min(100, n))}
      status={status}
      size={size === 'small' ? 'small' : 'medium'}
      format={() => <span data-testid={testId}>{text}</span>}
      style={{ minWidth: 120, marginBottom: 0 }}
    />
  );
}
