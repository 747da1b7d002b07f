import { Flex, Tag, Typography } from 'antd';
import type { InquiryFieldsFragment } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { moneyText } from '@/shared/money';
import { INQUIRY_STATUS_COLORS, inquiryStatusLabel, messageSideLabel } from '../lib/labels';
import { payoutMessages } from '../messages';

/** The thread of one inquiry: who wrote what and when, its status and any correction queued. */
export function InquiryThread({
  inquiry,
  currency,
  timeZone,
}: {
  inquiry: InquiryFieldsFragment;
  currency: string;
  timeZone: string;
}) {
  const t = useMessages(payoutMessages);
  const { locale } = useI18n();
  return (
    <Flex vertical gap="small" data-testid={`inquiry-thread-${inquiry.id}`}>
      <Flex gap="small" align="center" wrap>
        <InquiryStatusTag status={inquiry.status} />
        <Typography.Text>
          {t.inquiryLine}: <Typography.Text strong>{inquiry.lineName}</Typography.Text>
        </Typography.Text>
        {inquiry.correction && (
          <Tag color="purple" data-testid="inquiry-correction">
            {interpolate(t.inquiryCorrection, {
              amount: moneyText(inquiry.correction, currency, locale),
            })}
          </Tag>
        )}
      </Flex>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {inquiry.messages.map((message, i) => (
          <li
            key={i}
            data-testid="inquiry-message"
            data-side={message.side}
            style={{ marginBottom: 8 }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {message.author} · {messageSideLabel(message.side, t)} ·{' '}
              {formatDateTime(message.at, locale, timeZone)}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{message.text}</div>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

export function InquiryStatusTag({ status }: { status: InquiryFieldsFragment['status'] }) {
  const t = useMessages(payoutMessages);
  return (
    <Tag color={INQUIRY_STATUS_COLORS[status]} data-testid="inquiry-status" data-status={status}>
      {inquiryStatusLabel(status, t)}
    </Tag>
  );
}
