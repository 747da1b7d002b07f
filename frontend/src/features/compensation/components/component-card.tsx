import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Flex, Form, Input, Popconfirm, Select, Tag, Tooltip } from 'antd';
import type { SchemeFrequency } from '@/gql/graphql';
import { interpolate, useMessages } from '@/shared/i18n';
import { KEY_PATTERN, keyFromName } from '../lib/component-key';
import type { ComponentForm } from '../lib/definition-form';
import { compensationMessages } from '../messages';
import { decimalRules, requiredRules } from './field-rules';
import { GatesList } from './gates-list';
import type { CatalogueKpi } from './kpi-select';
import { MeasureFields } from './measure-fields';
import { RuleFields } from './rule-fields';

/** One bonus component: name and key, period, measure, rule, gates, cap and floor. */
export function ComponentCard({
  index,
  count,
  kpis,
  readOnly,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  kpis: readonly CatalogueKpi[];
  readOnly: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const t = useMessages(compensationMessages);
  const form = Form.useFormInstance();
  const full = ['components', index];
  const component = Form.useWatch(full, { form, preserve: true }) as ComponentForm | undefined;
  const name = component?.name ?? '';
  const key = component?.key ?? '';

  const renameWithKey = (next: string) => {
    if (!form.getFieldValue([...full, 'autoKey'])) {
      return;
    }
    const taken = (form.getFieldValue('components') as ComponentForm[])
      .filter((_, i) => i !== index)
      .map((c) => c.key);
    form.setFieldValue([...full, 'key'], keyFromName(next, taken));
  };

  return (
    <Card
      size="small"
      data-testid={`component-${key}`}
      data-index={index}
      title={
        <Flex gap="small" align="center">
          <span>{name || t.newComponentName}</span>
          <Tag>{key}</Tag>
        </Flex>
      }
      extra={
        !readOnly && (
          <Flex gap={4}>
            <Tooltip title={t.moveUp}>
              <Button
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t.moveUp}
                disabled={index === 0}
                onClick={() => onMove(index, index - 1)}
              />
            </Tooltip>
            <Tooltip title={t.moveDown}>
              <Button
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t.moveDown}
                disabled={index === count - 1}
                onClick={() => onMove(index, index + 1)}
              />
            </Tooltip>
            <Popconfirm
              title={interpolate(t.removeComponent, { name: name || key })}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(index)}
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t.remove}
                data-testid="component-remove"
              />
            </Popconfirm>
          </Flex>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Flex gap="small" wrap align="start">
        <Form.Item
          name={[index, 'name']}
          label={t.componentName}
          rules={requiredRules(t)}
          style={{ flex: 1, minWidth: 240 }}
        >
          <Input
            disabled={readOnly}
            onChange={(e) => renameWithKey(e.target.value)}
            data-testid="component-name"
          />
        </Form.Item>
        <Form.Item
          name={[index, 'key']}
          label={t.componentKey}
          tooltip={t.componentKeyHint}
          rules={[
            ...requiredRules(t),
            { pattern: KEY_PATTERN, message: t.badKey },
            {
              validator: async (_, value: string | undefined) => {
                const others = (form.getFieldValue('components') as ComponentForm[]).filter(
                  (_, i) => i !== index,
                );
                if (value && others.some((c) => c.key.trim() === value.trim())) {
                  throw new Error(t.duplicateKey);
                }
              },
            },
          ]}
        >
          <Input
            disabled={readOnly}
            style={{ width: 220, fontFamily: 'monospace' }}
            onChange={() => form.setFieldValue([...full, 'autoKey'], false)}
            data-testid="component-key"
          />
        </Form.Item>
        <Form.Item name={[index, 'frequency']} label={t.frequency}>
          <Select<SchemeFrequency>
            disabled={readOnly}
            style={{ width: 170 }}
            options={(['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const).map((f) => ({
              value: f,
              label: t[`freq${f}`],
            }))}
            data-testid="component-frequency"
          />
        </Form.Item>
      </Flex>
      <MeasureFields
        name={[index, 'measure']}
        full={[...full, 'measure']}
        kpis={kpis}
        readOnly={readOnly}
        testId="measure"
      />
      <RuleFields name={[index]} full={full} readOnly={readOnly} />
      <GatesList name={[index]} full={full} kpis={kpis} readOnly={readOnly} />
      <Divider style={{ margin: '12px 0' }} />
      <Flex gap="small" wrap>
        <Form.Item name={[index, 'cap']} label={t.componentCap} rules={decimalRules(t, false)}>
          <Input disabled={readOnly} style={{ width: 180 }} data-testid="component-cap" />
        </Form.Item>
        <Form.Item name={[index, 'floor']} label={t.componentFloor} rules={decimalRules(t, false)}>
          <Input disabled={readOnly} style={{ width: 180 }} data-testid="component-floor" />
        </Form.Item>
      </Flex>
    </Card>
  );
}
