import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import type { UserErrorLike } from '@/shared/user-errors';
import { addMonths, formatMonth, monthStart, todayIn } from '../lib/months';
import { compensationMessages } from '../messages';

/** How many months ahead a version may be published to take effect. */
const MONTHS_AHEAD = 12;

/**
 * Asks for the month a version takes effect from: its first day, this month or later (the server
 * refuses earlier ones); next month by default.
 */
export function PublishModal({
  open,
  number,
  timeZone,
  publishing,
  errors,
  onPublish,
  onCancel,
}: {
  open: boolean;
  number: number;
  timeZone: string;
  publishing: boolean;
  errors: readonly UserErrorLike[];
  onPublish: (effectiveFrom: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const months = useMemo(() => {
    const current = monthStart(todayIn(timeZone));
    return Array.from({ length: MONTHS_AHEAD }, (_, i) => addMonths(current, i));
  }, [timeZone]);
  const [month, setMonth] = useState<string>(months[1]!);
  return (
    <Modal
      open={open}
      title={interpolate(t.publishTitle, { number })}
      okText={t.publish}
      cancelText={t.cancel}
      confirmLoading={publishing}
      onOk={() => onPublish(month)}
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': 'publish-confirm' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.publishHint}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.effectiveMonth}>
          <Select<string>
            value={month}
            onChange={setMonth}
            options={months.map((m) => ({
              value: m,
              label: formatMonth(m, INTL_LOCALE[language]),
            }))}
            data-testid="publish-month"
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errors.map((e) => e.message).join(' ')}
          data-testid="publish-errors"
        />
      )}
    </Modal>
  );
}
