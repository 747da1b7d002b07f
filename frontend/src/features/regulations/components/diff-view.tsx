import { useQuery } from '@apollo/client/react';
import { Card, Empty, Flex, Skeleton, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import type { DocumentLanguage, RegulationsDiffQuery } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { regulationsDiffQuery } from '../api/regulations-diff';
import { regulationsMessages } from '../messages';
import { DocumentLanguageSwitch, useDefaultDocumentLanguage } from './document-html';

type Change = NonNullable<RegulationsDiffQuery['regulationsDiff']>['changes'][number];

export interface SectionChanges {
  key: string;
  title: string;
  changes: Change[];
}

/** The changes grouped by section, in the order the sections first appear. */
export function groupBySection(changes: readonly Change[]): SectionChanges[] {
  const groups = new Map<string, SectionChanges>();
  for (const change of changes) {
    const key = `${change.sectionKey}\u0000${change.sectionTitle}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, title: change.sectionTitle, changes: [] };
      groups.set(key, group);
    }
    group.changes.push(change);
  }
  return [...groups.values()];
}

const KIND_COLORS = { ADDED: 'green', REMOVED: 'red', CHANGED: 'blue' } as const;

/** One changed paragraph: removed runs struck through in red, added ones underlined in green. */
function ChangeRow({ change }: { change: Change }) {
  const t = useMessages(regulationsMessages);
  const { token } = theme.useToken();
  const removed = { color: token.colorError, textDecoration: 'line-through' };
  const added = { color: token.colorSuccess, textDecoration: 'underline' };
  let body;
  if (change.kind === 'ADDED') {
    body = (
      <ins style={added} data-testid="diff-added">
        {change.after}
      </ins>
    );
  } else if (change.kind === 'REMOVED') {
    body = (
      <del style={removed} data-testid="diff-removed">
        {change.before}
      </del>
    );
  } else {
    body = change.segments.map((segment, i) =>
      segment.kind === 'ADDED' ? (
        <ins key={i} style={added} data-testid="diff-added">
          {segment.text}
        </ins>
      ) : segment.kind === 'REMOVED' ? (
        <del key={i} style={removed} data-testid="diff-removed">
          {segment.text}
        </del>
      ) : (
        <span key={i}>{segment.text}</span>
      ),
    );
  }
  return (
    <Flex gap="small" align="baseline" data-testid="diff-change" data-kind={change.kind}>
      <Tag color={KIND_COLORS[change.kind]} style={{ flex: 'none' }}>
        {t[`kind${change.kind}`]}
      </Tag>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
        {body}
      </Typography.Paragraph>
    </Flex>
  );
}

/**
 * What changed from one version to another (`regulationsDiff`), in Russian or English: a count
 * summary, then the changes grouped by section title.
 */
export function DiffView({ fromId, toId }: { fromId: string; toId: string }) {
  const t = useMessages(regulationsMessages);
  const [language, setLanguage] = useState<DocumentLanguage>(useDefaultDocumentLanguage());
  const { data, loading, error, refetch } = useQuery(regulationsDiffQuery, {
    variables: { fromId, toId, language },
  });
  const diff = data?.regulationsDiff;
  const count = (kind: Change['kind']) => diff?.changes.filter((c) => c.kind === kind).length ?? 0;
  return (
    <Flex vertical gap="middle" data-testid="diff-view">
      <Flex gap="middle" align="center" wrap>
        <DocumentLanguageSwitch value={language} onChange={setLanguage} testId="diff-language" />
        {diff && (
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="diff-title">
            {interpolate(t.diffTitle, { from: diff.from.number, to: diff.to.number })}
          </Typography.Title>
        )}
      </Flex>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !data && <Skeleton active />}
      {data && !diff && <Empty description={t.documentNotFound} />}
      {diff && (
        <>
          <Typography.Text data-testid="diff-summary">
            {interpolate(t.diffSummary, {
              changed: count('CHANGED'),
              added: count('ADDED'),
              removed: count('REMOVED'),
            })}
          </Typography.Text>
          {diff.changes.length === 0 && <Empty description={t.noChanges} />}
          {groupBySection(diff.changes).map((group) => (
            <Card
              key={group.key}
              size="small"
              title={<span data-testid="diff-section-title">{group.title}</span>}
              data-testid="diff-section"
            >
              <Flex vertical gap="small">
                {group.changes.map((change, i) => (
                  <ChangeRow key={i} change={change} />
                ))}
              </Flex>
            </Card>
          ))}
        </>
      )}
    </Flex>
  );
}
