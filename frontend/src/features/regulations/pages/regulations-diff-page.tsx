import { Empty, Flex, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useMessages } from '@/shared/i18n';
import { DiffView } from '../components/diff-view';
import { regulationsMessages } from '../messages';

/** /regulations/diff?from=&to=: what changed from one version to another. */
export function RegulationsDiffPage({ regulationsPath }: { regulationsPath: string }) {
  const t = useMessages(regulationsMessages);
  const [params] = useSearchParams();
  const fromId = params.get('from');
  const toId = params.get('to');
  return (
    <Flex vertical gap="middle">
      <title>{t.title}</title>
      <Link to={regulationsPath} data-testid="back-to-regulations">
        {t.backToRegulations}
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.title}
      </Typography.Title>
      {fromId && toId ? (
        <DiffView fromId={fromId} toId={toId} />
      ) : (
        <Empty description={t.diffNeedsTwo} />
      )}
    </Flex>
  );
}
