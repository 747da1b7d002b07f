import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Switch,
  Typography,
  type FormInstance,
} from 'antd';
import { useMessages } from '@/shared/i18n';
import { keyFromName } from '../lib/component-key';
import { emptyComponent, type ComponentForm, type DefinitionForm } from '../lib/definition-form';
import { compensationMessages } from '../messages';
import { ComponentCard } from './component-card';
import { decimalRules } from './field-rules';
import type { CatalogueKpi } from './kpi-select';

/**
 * The definition as a form: base salary, the scheme's cap and floor, adaptation, then a card per
 * component (add, remove, reorder). The same editor serves a scheme's draft, a read-only version
 * and a library template. Values go to the caller through `onValuesChange` (for the preview and the
 * unsaved-changes guard); the caller saves.
 */
export function SchemeEditor({
  form,
  initialValues,
  kpis,
  readOnly,
  onValuesChange,
}: {
  form: FormInstance<DefinitionForm>;
  initialValues: DefinitionForm;
  kpis: readonly CatalogueKpi[];
  readOnly: boolean;
  onValuesChange?: () => void;
}) {
  const t = useMessages(compensationMessages);
  const adaptationOn = Form.useWatch('adaptationOn', form) as boolean | undefined;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      requiredMark={false}
      data-testid="scheme-editor"
    >
      <Card size="small" title={t.schemeSection} style={{ marginBottom: 16 }}>
        <Flex gap="small" wrap align="start">
          <Form.Item name="baseSalary" label={t.baseSalary} rules={decimalRules(t, true)}>
            <Input disabled={readOnly} style={{ width: 200 }} data-testid="base-salary" />
          </Form.Item>
          <Form.Item name="cap" label={t.schemeCap} rules={decimalRules(t, false)}>
            <Input disabled={readOnly} style={{ width: 200 }} data-testid="scheme-cap" />
          </Form.Item>
          <Form.Item name="floor" label={t.schemeFloor} rules={decimalRules(t, false)}>
            <Input disabled={readOnly} style={{ width: 200 }} data-testid="scheme-floor" />
          </Form.Item>
        </Flex>
        <Flex gap="small" wrap align="start">
          <Form.Item name="adaptationOn" label={t.adaptation} valuePropName="checked">
            <Switch disabled={readOnly} data-testid="adaptation-on" />
          </Form.Item>
          {adaptationOn && (
            <>
              <Form.Item
                name={['adaptation', 'months']}
                label={t.adaptationMonths}
                rules={[
                  { required: true, message: t.required },
                  { pattern: /^\d{1,3}$/, message: t.notWhole },
                ]}
              >
                <Input disabled={readOnly} style={{ width: 100 }} data-testid="adaptation-months" />
              </Form.Item>
              <Form.Item
                name={['adaptation', 'planFactorPercent']}
                label={t.planFactor}
                rules={decimalRules(t, false)}
              >
                <Input disabled={readOnly} style={{ width: 160 }} data-testid="adaptation-plan" />
              </Form.Item>
              <Form.Item
                name={['adaptation', 'guaranteedMinimum']}
                label={t.guaranteedMinimum}
                rules={decimalRules(t, false)}
              >
                <Input
                  disabled={readOnly}
                  style={{ width: 200 }}
                  data-testid="adaptation-minimum"
                />
              </Form.Item>
            </>
          )}
        </Flex>
      </Card>
      <Typography.Title level={5}>{t.componentsSection}</Typography.Title>
      <Form.List name="components">
        {(fields, { add, remove, move }) => (
          <>
            {fields.length === 0 && <Empty description={t.noComponents} />}
            {fields.map((field) => (
              <ComponentCard
                key={field.key}
                index={field.name}
                count={fields.length}
                kpis={kpis}
                readOnly={readOnly}
                onMove={move}
                onRemove={remove}
              />
            ))}
            {!readOnly && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const taken = ((form.getFieldValue('components') ?? []) as ComponentForm[]).map(
                    (c) => c.key,
                  );
                  add(emptyComponent(keyFromName(t.newComponentName, taken), t.newComponentName));
                }}
                data-testid="add-component"
              >
                {t.addComponent}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form>
  );
}
