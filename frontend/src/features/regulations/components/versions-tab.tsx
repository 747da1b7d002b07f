import { DiffOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RegulationsStatus } from '@/gql/graphql';
import { formatDateTime } from '@/shared/date-time';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { formatDayDots } from '../lib/dates';
import { regulationsMessages } from '../messages';

export interface VersionRow {
  id: string;
  number: number;
  status: RegulationsStatus;
  effectiveFrom: string;
  publishedAt?: string | null;
  publishedBy?: string | null;
}

/** The pair to compare, the older (smaller number) first. */
export function comparePair(
  rows: readonly VersionRow[],
  ids: readonly string[],
): [string, string] | null {
  const chosen = rows.filter((r) => ids.includes(r.id)).sort((a, b) => a.number - b.number);
  return chosen.length === 2 ? [chosen[0]!.id, chosen[1]!.id] : null;
}

/**
 * «Версии»: the draft (if any) and the published versions, newest first, with number, effective
 * date, when and by whom published; tick two → «Сравнить» opens the diff of the older to the newer.
 */
export function VersionsTab({
  draft,
  versions,
  diffPath,
  timeZone,
}: {
  draft: VersionRow | null;
  versions: readonly VersionRow[];
  diffPath: (fromId: string, toId: string) => string;
  timeZone: string;
}) {
  const t = useMessages(regulationsMessages);
  const { language } = useI18n();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const rows = [...(draft ? [draft] : []), ...versions];
  const pair = comparePair(rows, selected);
  return (
    <Flex vertical gap="middle" data-testid="versions">
      <Flex gap="middle" align="center" wrap>
        <Button
          type="primary"
          icon={<DiffOutlined />}
          disabled={!pair}
          onClick={() => pair && void navigate(diffPath(pair[0], pair[1]))}
          data-testid="compare-versions"
        >
          {t.compare}
        </Button>
        <Typography.Text type="secondary">{t.compareHint}</Typography.Text>
      </Flex>
      <Table<VersionRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        data-testid="versions-table"
        rowSelection={{
          type: 'checkbox',
          selectedRowKeys: selected,
          hideSelectAll: true,
          onChange: (keys) => setSelected(keys.map(String).slice(-2)),
          getCheckboxProps: (r) =>
            ({
              disabled: selected.length >= 2 && !selected.includes(r.id),
              'data-testid': `select-version-${r.number}`,
            }) as object,
        }}
        columns={[
          {
            title: t.colNumber,
            key: 'number',
            render: (_, r) => <span data-testid="version-number">{r.number}</span>,
          },
          {
            title: t.colStatus,
            key: 'status',
            render: (_, r) => (
              <Tag color={r.status === 'DRAFT' ? 'gold' : 'green'}>{t[`status${r.status}`]}</Tag>
            ),
          },
          {
            title: t.colEffectiveFrom,
            key: 'effectiveFrom',
            render: (_, r) => formatDayDots(r.effectiveFrom),
          },
          {
            title: t.colPublished,
            key: 'published',
            render: (_, r) =>
              r.publishedAt
                ? interpolate(t.byAt, {
                    at: formatDateTime(r.publishedAt, INTL_LOCALE[language], timeZone),
                    who: r.publishedBy ?? '—',
                  })
                : '—',
          },
        ]}
      />
    </Flex>
  );
}
