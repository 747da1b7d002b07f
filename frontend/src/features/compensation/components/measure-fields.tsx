import { Flex, Form, Input, Segmented, Select, Typography } from 'antd';
import { useMessages } from '@/shared/i18n';
import type { FieldPath, MeasureSource } from '../lib/definition-form';
import { compensationMessages } from '../messages';
import { requiredRules } from './field-rules';
import { KpiSelect, type CatalogueKpi } from './kpi-select';

/**
 * What a component or a gate looks at: a KPI of the employee or of his team, or a formula over KPI
 * variables (listed under it). `name` is the measure's path relative to the enclosing Form.List
 * item; `full` the same from the form's root (to read the source).
 */
export function MeasureFields({
  name,
  full,
  kpis,
  readOnly,
  testId,
}: {
  name: FieldPath;
  full: FieldPath;
  kpis: readonly CatalogueKpi[];
  readOnly: boolean;
  testId: string;
}) {
  const t = useMessages(compensationMessages);
  const form = Form.useFormInstance();
  const source = Form.useWatch([...full, 'source'], form) as MeasureSource | undefined;
  return (
    <Flex gap="small" wrap align="start">
      <Form.Item name={[...name, 'source']} label={t.measureSource}>
        <Segmented<MeasureSource>
          disabled={readOnly}
          options={[
            { value: 'KPI', label: t.sourceKPI },
            { value: 'FORMULA', label: t.sourceFORMULA },
          ]}
          data-testid={`${testId}-source`}
        />
      </Form.Item>
      {source === 'FORMULA' ? (
        <Form.Item
          name={[...name, 'formula']}
          label={t.formula}
          rules={requiredRules(t)}
          extra={<Typography.Text type="secondary">{t.formulaVariables}</Typography.Text>}
          style={{ flex: 1, minWidth: 280 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            disabled={readOnly}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid={`${testId}-formula`}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name={[...name, 'kpi']} label={t.measure} rules={requiredRules(t)}>
            <KpiSelect kpis={kpis} disabled={readOnly} testId={`${testId}-kpi`} />
          </Form.Item>
          <Form.Item name={[...name, 'subject']} label={t.subject}>
            <Select
              disabled={readOnly}
              style={{ width: 120 }}
              options={[
                { value: 'SELF', label: t.subjectSELF },
                { value: 'TEAM', label: t.subjectTEAM },
              ]}
              data-testid={`${testId}-subject`}
            />
          </Form.Item>
        </>
      )}
    </Flex>
  );
}
