import { Tag } from 'antd';
import type { PayoutRunStatus } from '@/gql/graphql';
import { useMessages } from '@/shared/i18n';
import { RUN_STATUS_COLORS, runStatusLabel } from '../lib/labels';
import { payoutMessages } from '../messages';

/** «Черновик» / «Утверждена» / «Выплачена» as a coloured badge. */
export function RunStatusTag({
  status,
  testId = 'run-status',
}: {
  status: PayoutRunStatus;
  testId?: string;
}) {
  const t = useMessages(payoutMessages);
  return (
    <Tag color={RUN_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {runStatusLabel(status, t)}
    </Tag>
  );
}
