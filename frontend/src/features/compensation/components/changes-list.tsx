import { MinusCircleOutlined, PlusCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useFragment as unmask, type FragmentType } from '@/gql';
import { schemeChangeFieldsFragment } from '../api/change-fields';

const ICONS: Record<string, React.ReactNode> = {
  ADDED: <PlusCircleOutlined style={{ color: '#389e0d' }} />,
  REMOVED: <MinusCircleOutlined style={{ color: '#cf1322' }} />,
  CHANGED: <SwapOutlined style={{ color: '#d48806' }} />,
};

/** Readable changes between two definitions, as the server words them in the UI language. */
export function ChangesList({
  changes,
  empty,
  testId = 'changes',
}: {
  changes: readonly FragmentType<typeof schemeChangeFieldsFragment>[];
  empty: string;
  testId?: string;
}) {
  const items = changes.map((c) => unmask(schemeChangeFieldsFragment, c));
  if (items.length === 0) {
    return <Typography.Text type="secondary">{empty}</Typography.Text>;
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid={testId}>
      {items.map((c, i) => (
        <li key={i} data-path={c.path.join('/')} data-kind={c.kind}>
          <Flex gap="small" align="baseline">
            {ICONS[c.kind] ?? <SwapOutlined />}
            <span data-testid="change-text">{c.text}</span>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
