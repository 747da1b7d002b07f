import type {
  AcceleratorMode,
  Comparator,
  GateBasis,
  MeasureSubject,
  RuleKind,
  SchemeDefinitionFieldsFragment,
  SchemeDefinitionInput,
  SchemeFrequency,
  TierMode,
} from '@/gql/graphql';
import { parseSignedDecimalInput } from '@/shared/numbers';
import { decimalText } from './decimal-text';
import { KEY_PATTERN } from './component-key';

/**
 * The editor's form ↔ the API's definition. The form's field names are the input's own
 * (components[2].rule.ratePercent), so a server error's path (["input", "definition",
 * "components", "2", "rule", "ratePercent"]) names a form field as it is. What the form adds: the
 * measure's source (a KPI or a formula), adaptation on/off, and decimals as the text people type.
 */

export type Definition = Omit<SchemeDefinitionFieldsFragment, ' $fragmentName'>;

export type MeasureSource = 'KPI' | 'FORMULA';

export interface MeasureForm {
  source: MeasureSource;
  kpi: string | undefined;
  subject: MeasureSubject;
  formula: string;
}

export interface TierForm {
  from: string;
  fromInclusive: boolean;
  ratePercent: string;
}

export interface CurveStepForm {
  fromAttainmentPercent: string;
  fromInclusive: boolean;
  multiplier: string;
}

export interface RuleForm {
  kind: RuleKind;
  ratePercent: string;
  amount: string;
  tierMode: TierMode;
  tiers: TierForm[];
  acceleratorMode: AcceleratorMode;
  curve: CurveStepForm[];
  expression: string;
  highestWins: boolean;
  prizes: string[];
  /** "YYYY-MM-DD" or "". */
  contestFrom: string;
  contestTo: string;
}

export interface GateForm {
  measure: MeasureForm;
  basis: GateBasis;
  comparator: Comparator;
  threshold: string;
}

export interface ComponentForm {
  key: string;
  /** The key follows the name while the user has not typed one (new components only). */
  autoKey?: boolean;
  name: string;
  frequency: SchemeFrequency;
  measure: MeasureForm;
  rule: RuleForm;
  gates: GateForm[];
  cap: string;
  floor: string;
}

export interface DefinitionForm {
  baseSalary: string;
  cap: string;
  floor: string;
  adaptationOn: boolean;
  adaptation: { months: string; planFactorPercent: string; guaranteedMinimum: string };
  components: ComponentForm[];
}

/** A form field's name path, as antd names fields: ['components', 2, 'rule', 'ratePercent']. */
export type FieldPath = (string | number)[];

export type ProblemCode = 'REQUIRED' | 'NUMBER' | 'WHOLE' | 'KEY' | 'DUPLICATE_KEY';

/** What the client itself finds wrong before asking the server. */
export interface FormProblem {
  path: FieldPath;
  code: ProblemCode;
}

export type FormResult =
  | { ok: true; input: SchemeDefinitionInput; problems: [] }
  | { ok: false; input: null; problems: FormProblem[] };

export const RULE_KINDS: readonly RuleKind[] = [
  'PERCENT',
  'PER_UNIT',
  'FIXED',
  'TIERED',
  'ACCELERATOR',
  'FORMULA',
  'RANKING',
];

export function emptyMeasure(): MeasureForm {
  return { source: 'KPI', kpi: undefined, subject: 'SELF', formula: '' };
}

export function emptyRule(kind: RuleKind = 'PERCENT'): RuleForm {
  return {
    kind,
    ratePercent: '',
    amount: '',
    tierMode: 'MARGINAL',
    tiers: [{ from: '0', fromInclusive: true, ratePercent: '' }],
    acceleratorMode: 'ABOVE_PLAN',
    curve: [{ fromAttainmentPercent: '100', fromInclusive: true, multiplier: '1' }],
    expression: '',
    highestWins: true,
    prizes: [''],
    contestFrom: '',
    contestTo: '',
  };
}

export function emptyGate(): GateForm {
  return { measure: emptyMeasure(), basis: 'VALUE', comparator: 'GT', threshold: '' };
}

export function emptyComponent(key: string, name: string): ComponentForm {
  return {
    key,
    autoKey: true,
    name,
    frequency: 'MONTHLY',
    measure: emptyMeasure(),
    rule: emptyRule(),
    gates: [],
    cap: '',
    floor: '',
  };
}

export function emptyDefinitionForm(): DefinitionForm {
  return {
    baseSalary: '',
    cap: '',
    floor: '',
    adaptationOn: false,
    adaptation: { months: '3', planFactorPercent: '', guaranteedMinimum: '' },
    components: [],
  };
}

type Language = 'ru' | 'en';

function measureToForm(measure: Definition['components'][number]['measure']): MeasureForm {
  return measure.formula !== null
    ? { source: 'FORMULA', kpi: undefined, subject: measure.subject, formula: measure.formula }
    : { source: 'KPI', kpi: measure.kpi ?? undefined, subject: measure.subject, formula: '' };
}

/** The definition the API gave, as the editor's form values. */
export function definitionToForm(definition: Definition, language: Language): DefinitionForm {
  const d = (value: string | null | undefined) => decimalText(value, language);
  return {
    baseSalary: d(definition.baseSalary),
    cap: d(definition.cap),
    floor: d(definition.floor),
    adaptationOn: definition.adaptation !== null,
    adaptation: {
      months: String(definition.adaptation?.months ?? 3),
      planFactorPercent: d(definition.adaptation?.planFactorPercent),
      guaranteedMinimum: d(definition.adaptation?.guaranteedMinimum),
    },
    components: definition.components.map((c) => {
      const r = c.rule;
      const empty = emptyRule(r.kind);
      return {
        key: c.key,
        name: c.name,
        frequency: c.frequency,
        measure: measureToForm(c.measure),
        rule: {
          kind: r.kind,
          ratePercent: d(r.ratePercent),
          amount: d(r.amount),
          tierMode: r.tierMode ?? empty.tierMode,
          tiers: r.tiers
            ? r.tiers.map((t) => ({
                from: d(t.from),
                fromInclusive: t.fromInclusive,
                ratePercent: d(t.ratePercent),
              }))
            : empty.tiers,
          acceleratorMode: r.acceleratorMode ?? empty.acceleratorMode,
          curve: r.curve?.length
            ? r.curve.map((s) => ({
                fromAttainmentPercent: d(s.fromAttainmentPercent),
                fromInclusive: s.fromInclusive,
                multiplier: d(s.multiplier),
              }))
            : empty.curve,
          expression: r.expression ?? '',
          highestWins: r.highestWins ?? true,
          prizes: r.prizes?.length ? r.prizes.map((p) => d(p)) : empty.prizes,
          contestFrom: r.contestFrom ?? '',
          contestTo: r.contestTo ?? '',
        },
        gates: c.gates.map((g) => ({
          measure: measureToForm(g.measure),
          basis: g.basis,
          comparator: g.comparator,
          threshold: d(g.threshold),
        })),
        cap: d(c.cap),
        floor: d(c.floor),
      };
    }),
  };
}

/**
 * The form as a SchemeDefinitionInput: only the fields the rule's kind uses, blanks left out. When
 * a required field is blank or a number is no number, the problems instead (with the fields' paths).
 */
export function formToInput(form: DefinitionForm): FormResult {
  const problems: FormProblem[] = [];

  const decimal = (path: FieldPath, text: string | undefined, required: boolean) => {
    const value = parseSignedDecimalInput(text);
    if (value === null) {
      problems.push({ path, code: 'NUMBER' });
      return undefined;
    }
    if (value === '') {
      if (required) {
        problems.push({ path, code: 'REQUIRED' });
      }
      return undefined;
    }
    return value;
  };
  const text = (path: FieldPath, value: string | undefined) => {
    const trimmed = (value ?? '').trim();
    if (trimmed === '') {
      problems.push({ path, code: 'REQUIRED' });
    }
    return trimmed;
  };
  const measure = (path: FieldPath, m: MeasureForm) =>
    m.source === 'FORMULA'
      ? { formula: text([...path, 'formula'], m.formula), subject: 'SELF' as const }
      : { kpi: text([...path, 'kpi'], m.kpi), subject: m.subject };
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

  const keys = form.components.map((c) => c.key.trim());
  const components = form.components.map((c, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['components', i, ...rest];
    const key = text(at('key'), c.key);
    if (key !== '' && !KEY_PATTERN.test(key)) {
      problems.push({ path: at('key'), code: 'KEY' });
    } else if (key !== '' && keys.indexOf(key) !== i) {
      problems.push({ path: at('key'), code: 'DUPLICATE_KEY' });
    }
    const r = c.rule;
    const rule = (() => {
      const rate = () => decimal(at('rule', 'ratePercent'), r.ratePercent, true);
      const amount = () => decimal(at('rule', 'amount'), r.amount, true);
      switch (r.kind) {
        case 'PERCENT':
          return { kind: r.kind, ratePercent: rate() };
        case 'PER_UNIT':
        case 'FIXED':
          return { kind: r.kind, amount: amount() };
        case 'TIERED':
          return {
            kind: r.kind,
            tierMode: r.tierMode,
            tiers: r.tiers.map((t, j) => ({
              from: decimal(at('rule', 'tiers', j, 'from'), t.from, true) ?? '',
              fromInclusive: t.fromInclusive,
              ratePercent:
                decimal(at('rule', 'tiers', j, 'ratePercent'), t.ratePercent, true) ?? '',
            })),
          };
        case 'ACCELERATOR':
          return {
            kind: r.kind,
            acceleratorMode: r.acceleratorMode,
            ratePercent: rate(),
            ...(r.acceleratorMode === 'CURVE'
              ? {
                  curve: r.curve.map((s, j) => ({
                    fromAttainmentPercent:
                      decimal(
                        at('rule', 'curve', j, 'fromAttainmentPercent'),
                        s.fromAttainmentPercent,
                        true,
                      ) ?? '',
                    fromInclusive: s.fromInclusive,
                    multiplier:
                      decimal(at('rule', 'curve', j, 'multiplier'), s.multiplier, true) ?? '',
                  })),
                }
              : {}),
          };
        case 'FORMULA':
          return { kind: r.kind, expression: text(at('rule', 'expression'), r.expression) };
        case 'RANKING':
          return {
            kind: r.kind,
            highestWins: r.highestWins,
            prizes: r.prizes.map((p, j) => decimal(at('rule', 'prizes', j), p, true) ?? ''),
            ...optional('contestFrom', r.contestFrom || undefined),
            ...optional('contestTo', r.contestTo || undefined),
          };
      }
    })();
    return {
      key,
      name: text(at('name'), c.name),
      frequency: c.frequency,
      measure: measure(at('measure'), c.measure),
      rule,
      gates: c.gates.map((g, j) => ({
        measure: measure(at('gates', j, 'measure'), g.measure),
        basis: g.basis,
        comparator: g.comparator,
        threshold: decimal(at('gates', j, 'threshold'), g.threshold, true) ?? '',
      })),
      ...optional('cap', decimal(at('cap'), c.cap, false)),
      ...optional('floor', decimal(at('floor'), c.floor, false)),
    };
  });

  let adaptation: SchemeDefinitionInput['adaptation'];
  if (form.adaptationOn) {
    const months = form.adaptation.months.trim();
    if (months === '') {
      problems.push({ path: ['adaptation', 'months'], code: 'REQUIRED' });
    } else if (!/^\d{1,3}$/.test(months)) {
      problems.push({ path: ['adaptation', 'months'], code: 'WHOLE' });
    }
    adaptation = {
      months: Number(months),
      ...optional(
        'planFactorPercent',
        decimal(['adaptation', 'planFactorPercent'], form.adaptation.planFactorPercent, false),
      ),
      ...optional(
        'guaranteedMinimum',
        decimal(['adaptation', 'guaranteedMinimum'], form.adaptation.guaranteedMinimum, false),
      ),
    };
  }

  const input: SchemeDefinitionInput = {
    baseSalary: decimal(['baseSalary'], form.baseSalary, true) ?? '',
    ...optional('cap', decimal(['cap'], form.cap, false)),
    ...optional('floor', decimal(['floor'], form.floor, false)),
    ...optional('adaptation', adaptation),
    components,
  };
  return problems.length === 0
    ? { ok: true, input, problems: [] }
    : { ok: false, input: null, problems };
}

/** A definition from the API straight as an input (to start a draft from the version in force). */
export function definitionToInput(definition: Definition): SchemeDefinitionInput {
  const result = formToInput(definitionToForm(definition, 'en'));
  if (!result.ok) {
    throw new Error(
      `The server's definition does not map back: ${JSON.stringify(result.problems)}`,
    );
  }
  return result.input;
}
