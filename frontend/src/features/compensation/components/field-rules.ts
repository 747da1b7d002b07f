import type { Rule } from 'antd/es/form';
import { parseSignedDecimalInput } from '@/shared/numbers';
import type { CompensationTexts } from '../messages';

/**
 * The client's checks of the obvious (blank, not a number) as antd rules; the same checks gate the
 * preview (formToInput). Everything else — a formula's syntax, tiers in order, a KPI that cannot be
 * planned under an accelerator — the server says, and its messages land on the same fields.
 */
export function decimalRules(t: CompensationTexts, required: boolean): Rule[] {
  return [
    {
      validator: async (_, value: string | undefined) => {
        const parsed = parseSignedDecimalInput(value);
        if (parsed === null) {
          throw new Error(t.notNumber);
        }
        if (parsed === '' && required) {
          throw new Error(t.required);
        }
      },
    },
  ];
}

export function requiredRules(t: CompensationTexts): Rule[] {
  return [{ required: true, whitespace: true, message: t.required }];
}
