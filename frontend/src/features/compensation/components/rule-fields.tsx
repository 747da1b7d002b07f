import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import type { AcceleratorMode, RuleKind, TierMode } from '@/gql/graphql';
import { DateField } from '@/shared/date-time';
import { interpolate, useMessages } from '@/shared/i18n';
import { RULE_KINDS, type FieldPath } from '../lib/definition-form';
import { compensationMessages } from '../messages';
import { decimalRules } from './field-rules';

const NUMBER_WIDTH = 140;

/**
 * The rule's kind and the fields that kind uses: a rate, an amount, a tiers table (mode, per-bound
 * inclusivity), an accelerator (mode, rate, curve), a formula, or a ranking (winner, prizes,
 * contest dates). Every kind's fields keep their values while another kind is chosen (the form
 * holds them all; only the chosen kind's go to the server). `name` is relative to the component's Form.List item, `full` from the root.
 */
export function RuleFields({
  name,
  full,
  readOnly,
}: {
  name: FieldPath;
  full: FieldPath;
  readOnly: boolean;
}) {
  const t = useMessages(compensationMessages);
  const form = Form.useFormInstance();
  const rule = [...name, 'rule'];
  const kind = Form.useWatch([...full, 'rule', 'kind'], form) as RuleKind | undefined;
  const acceleratorMode = Form.useWatch([...full, 'rule', 'acceleratorMode'], form) as
    AcceleratorMode | undefined;

  const rate = (
    <Form.Item name={[...rule, 'ratePercent']} label={t.ratePercent} rules={decimalRules(t, true)}>
      <Input disabled={readOnly} style={{ width: NUMBER_WIDTH }} data-testid="rule-ratePercent" />
    </Form.Item>
  );
  const amount = (label: string) => (
    <Form.Item name={[...rule, 'amount']} label={label} rules={decimalRules(t, true)}>
      <Input disabled={readOnly} style={{ width: NUMBER_WIDTH }} data-testid="rule-amount" />
    </Form.Item>
  );

  return (
    <div data-testid="rule-fields">
      <Flex gap="small" wrap align="start">
        <Form.Item name={[...rule, 'kind']} label={t.ruleKind}>
          <Select<RuleKind>
            disabled={readOnly}
            style={{ width: 240 }}
            options={RULE_KINDS.map((k) => ({ value: k, label: t[`kind${k}`] }))}
            data-testid="rule-kind"
          />
        </Form.Item>
        {kind === 'PERCENT' && rate}
        {kind === 'PER_UNIT' && amount(t.amountPerUnit)}
        {kind === 'FIXED' && amount(t.amount)}
        {kind === 'TIERED' && (
          <Form.Item name={[...rule, 'tierMode']} label={t.tierMode}>
            <Select<TierMode>
              disabled={readOnly}
              style={{ width: 340 }}
              options={(['MARGINAL', 'WHOLE'] as const).map((m) => ({
                value: m,
                label: t[`mode${m}`],
              }))}
              data-testid="rule-tierMode"
            />
          </Form.Item>
        )}
        {kind === 'ACCELERATOR' && (
          <>
            <Form.Item name={[...rule, 'acceleratorMode']} label={t.acceleratorMode}>
              <Select<AcceleratorMode>
                disabled={readOnly}
                style={{ width: 300 }}
                options={(['ABOVE_PLAN', 'CURVE'] as const).map((m) => ({
                  value: m,
                  label: t[`accel${m}`],
                }))}
                data-testid="rule-acceleratorMode"
              />
            </Form.Item>
            {rate}
          </>
        )}
        {kind === 'RANKING' && (
          <>
            <Form.Item
              name={[...rule, 'highestWins']}
              label={t.highestWins}
              getValueProps={(v: boolean) => ({ value: v ? 'HIGHEST' : 'LOWEST' })}
              normalize={(v: string) => v === 'HIGHEST'}
            >
              <Select<string>
                disabled={readOnly}
                style={{ width: 200 }}
                options={[
                  { value: 'HIGHEST', label: t.highestTrue },
                  { value: 'LOWEST', label: t.highestFalse },
                ]}
                data-testid="rule-highestWins"
              />
            </Form.Item>
            <Form.Item name={[...rule, 'contestFrom']} label={t.contestFrom}>
              <DateField disabled={readOnly} testId="rule-contestFrom" />
            </Form.Item>
            <Form.Item name={[...rule, 'contestTo']} label={t.contestTo}>
              <DateField disabled={readOnly} testId="rule-contestTo" />
            </Form.Item>
          </>
        )}
      </Flex>
      {kind === 'FORMULA' && (
        <Form.Item
          name={[...rule, 'expression']}
          label={t.expression}
          rules={[{ required: true, whitespace: true, message: t.required }]}
          extra={<Typography.Text type="secondary">{t.formulaVariables}</Typography.Text>}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            disabled={readOnly}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid="rule-expression"
          />
        </Form.Item>
      )}
      {kind === 'TIERED' && (
        <RowsList
          name={[...rule, 'tiers']}
          title={t.tiers}
          addLabel={t.addTier}
          readOnly={readOnly}
          testId="tier"
          blank={{ from: '', fromInclusive: true, ratePercent: '' }}
          columns={[
            { field: 'from', label: t.tierFrom, kind: 'decimal' },
            { field: 'fromInclusive', label: t.tierInclusive, kind: 'switch' },
            { field: 'ratePercent', label: t.tierRate, kind: 'decimal' },
          ]}
        />
      )}
      {kind === 'ACCELERATOR' && acceleratorMode === 'CURVE' && (
        <RowsList
          name={[...rule, 'curve']}
          title={t.curve}
          addLabel={t.addStep}
          readOnly={readOnly}
          testId="curve"
          blank={{ fromAttainmentPercent: '', fromInclusive: true, multiplier: '' }}
          columns={[
            { field: 'fromAttainmentPercent', label: t.curveFrom, kind: 'decimal' },
            { field: 'fromInclusive', label: t.tierInclusive, kind: 'switch' },
            { field: 'multiplier', label: t.curveMultiplier, kind: 'decimal' },
          ]}
        />
      )}
      {kind === 'RANKING' && (
        <Form.List name={[...rule, 'prizes']}>
          {(fields, { add, remove }) => (
            <div>
              <Typography.Text strong>{t.prizes}</Typography.Text>
              <Flex gap="small" wrap style={{ marginTop: 8 }}>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={4} align="start">
                    <Form.Item
                      name={field.name}
                      label={interpolate(t.prizePlace, { place: i + 1 })}
                      rules={decimalRules(t, true)}
                    >
                      <Input
                        disabled={readOnly}
                        style={{ width: NUMBER_WIDTH }}
                        data-testid={`prize-${i}`}
                      />
                    </Form.Item>
                    {!readOnly && fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t.remove}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: 30 }}
                      />
                    )}
                  </Flex>
                ))}
              </Flex>
              {!readOnly && (
                <Button icon={<PlusOutlined />} onClick={() => add('')} size="small">
                  {t.addPrize}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      )}
    </div>
  );
}

interface Column {
  field: string;
  label: string;
  kind: 'decimal' | 'switch';
}

/** A small table of rows (tiers, curve steps): each row a line of fields, add and remove. */
function RowsList({
  name,
  title,
  addLabel,
  columns,
  blank,
  readOnly,
  testId,
}: {
  name: FieldPath;
  title: string;
  addLabel: string;
  columns: Column[];
  blank: Record<string, unknown>;
  readOnly: boolean;
  testId: string;
}) {
  const t = useMessages(compensationMessages);
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>{title}</Typography.Text>
          <table style={{ borderCollapse: 'collapse', marginTop: 8 }}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.field}
                    style={{ textAlign: 'left', fontWeight: 'normal', paddingRight: 8 }}
                  >
                    <Typography.Text type="secondary">{c.label}</Typography.Text>
                  </th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {fields.map((field, i) => (
                <tr key={field.key} data-testid={`${testId}-${i}`}>
                  {columns.map((c) => (
                    <td key={c.field} style={{ paddingRight: 8, verticalAlign: 'top' }}>
                      {c.kind === 'switch' ? (
                        <Form.Item name={[field.name, c.field]} valuePropName="checked">
                          <Switch
                            disabled={readOnly}
                            aria-label={c.label}
                            data-testid={`${testId}-${i}-${c.field}`}
                          />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[field.name, c.field]} rules={decimalRules(t, true)}>
                          <Input
                            disabled={readOnly}
                            aria-label={c.label}
                            style={{ width: NUMBER_WIDTH }}
                            data-testid={`${testId}-${i}-${c.field}`}
                          />
                        </Form.Item>
                      )}
                    </td>
                  ))}
                  <td style={{ verticalAlign: 'top' }}>
                    {!readOnly && fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t.remove}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!readOnly && (
            <Button icon={<PlusOutlined />} size="small" onClick={() => add({ ...blank })}>
              {addLabel}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
