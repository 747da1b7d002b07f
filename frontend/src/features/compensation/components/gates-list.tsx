import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import type { Comparator, GateBasis } from '@/gql/graphql';
import { useMessages } from '@/shared/i18n';
import { emptyGate, type FieldPath } from '../lib/definition-form';
import { compensationMessages } from '../messages';
import { decimalRules } from './field-rules';
import { type CatalogueKpi } from './kpi-select';
import { MeasureFields } from './measure-fields';

/** Comparators as people write them. */
export const COMPARATOR_SIGNS: Record<Comparator, string> = { GT: '>', GE: '≥', LT: '<', LE: '≤' };

/** A component's gates: basis(measure) comparator threshold, all of which must hold to pay. */
export function GatesList({
  name,
  full,
  kpis,
  readOnly,
}: {
  name: FieldPath;
  full: FieldPath;
  kpis: readonly CatalogueKpi[];
  readOnly: boolean;
}) {
  const t = useMessages(compensationMessages);
  return (
    <Form.List name={[...name, 'gates']}>
      {(fields, { add, remove }) => (
        <div data-testid="gates">
          <Typography.Text strong>{t.gates}</Typography.Text>
          {fields.length === 0 && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t.noGates}
            </Typography.Text>
          )}
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginTop: 8 }}
              data-testid={`gate-${i}`}
              extra={
                !readOnly && (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t.remove}
                    onClick={() => remove(field.name)}
                    data-testid={`gate-${i}-remove`}
                  />
                )
              }
            >
              <MeasureFields
                name={[field.name, 'measure']}
                full={[...full, 'gates', field.name, 'measure']}
                kpis={kpis}
                readOnly={readOnly}
                testId={`gate-${i}-measure`}
              />
              <Flex gap="small" wrap align="start">
                <Form.Item name={[field.name, 'basis']} label={t.gateBasis}>
                  <Select<GateBasis>
                    disabled={readOnly}
                    style={{ width: 260 }}
                    options={(['VALUE', 'GROWTH_PERCENT', 'ATTAINMENT_PERCENT'] as const).map(
                      (b) => ({ value: b, label: t[`basis${b}`] }),
                    )}
                    data-testid={`gate-${i}-basis`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'comparator']} label=" ">
                  <Select<Comparator>
                    disabled={readOnly}
                    style={{ width: 72 }}
                    options={(['GT', 'GE', 'LT', 'LE'] as const).map((c) => ({
                      value: c,
                      label: COMPARATOR_SIGNS[c],
                    }))}
                    data-testid={`gate-${i}-comparator`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'threshold']}
                  label={t.threshold}
                  rules={decimalRules(t, true)}
                >
                  <Input
                    disabled={readOnly}
                    style={{ width: 180 }}
                    data-testid={`gate-${i}-threshold`}
                  />
                </Form.Item>
              </Flex>
            </Card>
          ))}
          {!readOnly && (
            <Button
              icon={<PlusOutlined />}
              size="small"
              style={{ marginTop: 8 }}
              onClick={() => add(emptyGate())}
              data-testid="add-gate"
            >
              {t.addGate}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
