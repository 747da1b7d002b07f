import { Flex, Progress, Typography } from 'antd';
import type { WhatIfStatus } from '@/gql/graphql';
import { interpolate, useMessages } from '@/shared/i18n';
import { compensationMessages } from '../messages';

/** Percent done of a run, whole, from months done of months total (0 before the total is known). */
export function progressPercent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0;
}

/** A what-if run's progress: queued, months done of the total, done, or failed with its error. */
export function WhatIfProgress({
  status,
  done,
  total,
  error,
}: {
  status: WhatIfStatus;
  done: number;
  total: number;
  error: string | null;
}) {
  const t = useMessages(compensationMessages);
  const percent = status === 'DONE' ? 100 : progressPercent(done, total);
  const text =
    status === 'QUEUED'
      ? t.whatIfQueued
      : status === 'FAILED'
        ? t.whatIfFailed
        : status === 'DONE'
          ? interpolate(t.whatIfDone, { total })
          : interpolate(t.whatIfRunning, { done, total });
  return (
    <Flex vertical gap={4} data-testid="what-if-progress" data-status={status}>
      <Progress
        percent={percent}
        status={status === 'FAILED' ? 'exception' : status === 'DONE' ? 'success' : 'active'}
        aria-label={text}
      />
      <Typography.Text
        type={status === 'FAILED' ? 'danger' : 'secondary'}
        data-testid="what-if-progress-text"
      >
        {text}
        {status === 'FAILED' && error ? `: ${error}` : ''}
      </Typography.Text>
    </Flex>
  );
}
