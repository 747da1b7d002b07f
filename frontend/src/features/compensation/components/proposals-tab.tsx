import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Empty, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CompensationSchemeQuery } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { compensationSchemeQuery } from '../api/compensation-scheme';
import {
  acceptSchemeProposalMutation,
  rejectSchemeProposalMutation,
} from '../api/decide-scheme-proposal';
import { PROPOSAL_COLORS, proposalStatusLabel } from '../lib/labels';
import { compensationMessages } from '../messages';
import { ChangesList } from './changes-list';

type Proposal = NonNullable<CompensationSchemeQuery['compensationScheme']>['proposals'][number];

/**
 * Proposals from the consultancy's library: which library version, the consultant's note, the
 * readable diff against the scheme as it is; an open one is accepted (it becomes the draft, then
 * the editor opens) or rejected with a comment.
 */
export function ProposalsTab({
  proposals,
  canDecide,
  onAccepted,
}: {
  proposals: readonly Proposal[];
  canDecide: boolean;
  onAccepted: () => void;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const { message, modal } = App.useApp();
  const refetch = { refetchQueries: [compensationSchemeQuery], awaitRefetchQueries: true };
  const [accept, accepting] = useMutation(acceptSchemeProposalMutation, refetch);
  const [reject, rejecting] = useMutation(rejectSchemeProposalMutation, refetch);
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [comment, setComment] = useState('');

  if (proposals.length === 0) {
    return <Empty description={t.noProposals} />;
  }

  const doAccept = (proposal: Proposal) =>
    modal.confirm({
      title: interpolate(t.proposalTitle, {
        name: proposal.templateName,
        version: proposal.libraryVersion,
      }),
      content: t.acceptConfirm,
      okText: t.accept,
      cancelText: t.cancel,
      okButtonProps: { 'data-testid': 'accept-confirm' },
      onOk: async () => {
        const { data } = await accept({ variables: { input: { proposalId: proposal.id } } });
        const payload = data?.acceptSchemeProposal;
        if (!payload || payload.errors.length > 0) {
          message.error(payload?.errors.map((e) => e.message).join(' ') ?? '');
          return;
        }
        message.success(interpolate(t.accepted, { number: payload.draft?.number ?? '' }));
        onAccepted();
      },
    });

  const doReject = async () => {
    const { data } = await reject({
      variables: {
        input: { proposalId: rejectingId!, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      },
    });
    const payload = data?.rejectSchemeProposal;
    if (!payload || payload.errors.length > 0) {
      message.error(payload?.errors.map((e) => e.message).join(' ') ?? '');
      return;
    }
    setRejectingId(null);
    setComment('');
    message.success(t.rejected);
  };

  return (
    <Flex vertical gap="middle">
      {(accepting.error ?? rejecting.error) && (
        <ErrorDisplay error={accepting.error ?? rejecting.error} />
      )}
      {proposals.map((p) => (
        <Card
          key={p.id}
          size="small"
          data-testid={`proposal-${p.libraryVersion}`}
          data-status={p.status}
          title={
            <Flex gap="small" align="center">
              {interpolate(t.proposalTitle, { name: p.templateName, version: p.libraryVersion })}
              <Tag color={PROPOSAL_COLORS[p.status]}>{proposalStatusLabel(p.status, t)}</Tag>
            </Flex>
          }
          extra={
            canDecide &&
            p.status === 'OPEN' && (
              <Flex gap="small">
                <Button
                  icon={<CloseOutlined />}
                  onClick={() => setRejectingId(p.id)}
                  data-testid="proposal-reject"
                >
                  {t.reject}
                </Button>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={accepting.loading}
                  onClick={() => doAccept(p)}
                  data-testid="proposal-accept"
                >
                  {t.accept}
                </Button>
              </Flex>
            )
          }
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'at', label: t.proposedAt, children: formatDateTime(p.proposedAt, locale) },
              ...(p.note ? [{ key: 'note', label: t.note, children: p.note }] : []),
              ...(p.decidedAt
                ? [
                    {
                      key: 'decided',
                      label: t.decidedAt,
                      children: `${formatDateTime(p.decidedAt, locale)}${p.comment ? ` — ${p.comment}` : ''}`,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Text strong>{t.changes}</Typography.Text>
          <ChangesList changes={p.changes} empty="—" testId="proposal-changes" />
        </Card>
      ))}
      <Modal
        open={rejectingId !== null}
        title={t.rejectTitle}
        okText={t.reject}
        cancelText={t.cancel}
        okButtonProps={{ danger: true, 'data-testid': 'reject-confirm' }}
        confirmLoading={rejecting.loading}
        onOk={() => void doReject()}
        onCancel={() => setRejectingId(null)}
      >
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t.rejectComment}
          autoSize={{ minRows: 2 }}
          data-testid="reject-comment"
        />
      </Modal>
    </Flex>
  );
}
