import type { InquiryStatus, PayoutRunStatus, StatementLineKind } from '@/gql/graphql';
import type { PayoutTexts } from '../messages';

/** antd Tag colours of a run's status: a draft still moves, approved is fixed, paid is done. */
export const RUN_STATUS_COLORS: Record<PayoutRunStatus, string> = {
  DRAFT: 'gold',
  APPROVED: 'blue',
  PAID: 'green',
};

export function runStatusLabel(status: PayoutRunStatus, t: PayoutTexts): string {
  return t[`status${status}`];
}

export function lineKindLabel(kind: StatementLineKind, t: PayoutTexts): string {
  return t[`kind${kind}`];
}

export const INQUIRY_STATUS_COLORS: Record<InquiryStatus, string> = {
  OPEN: 'orange',
  ANSWERED: 'green',
};

export function inquiryStatusLabel(status: InquiryStatus, t: PayoutTexts): string {
  return t[`inquiry${status}`];
}

/** LOST, DELETED, AMOUNT_CHANGED, REASSIGNED, ADDED as words; anything newer as it is. */
export function dealChangeLabel(change: string, t: PayoutTexts): string {
  const key = `change${change}`;
  return key in t ? t[key as keyof PayoutTexts] : change;
}

/** MANAGER or ADMIN as words; anything else as it is. */
export function messageSideLabel(side: string, t: PayoutTexts): string {
  const key = `side${side}`;
  return key in t ? t[key as keyof PayoutTexts] : side;
}
