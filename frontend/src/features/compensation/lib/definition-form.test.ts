import { describe, expect, it } from 'vitest';
import type { SchemeDefinitionInput } from '@/gql/graphql';
import {
  definitionToForm,
  emptyComponent,
  emptyDefinitionForm,
  formToInput,
  type Definition,
} from './definition-form';

type Component = Definition['components'][number];
type Rule = Component['rule'];

/** A rule as the API sends it: every field present, null where the kind does not use it. */
function rule(fields: Partial<Rule> & Pick<Rule, 'kind'>): Rule {
  return {
    ratePercent: null,
    amount: null,
    tierMode: null,
    tiers: null,
    acceleratorMode: null,
    curve: null,
    expression: null,
    highestWins: null,
    prizes: null,
    contestFrom: null,
    contestTo: null,
    ...fields,
  };
}

function component(key: string, r: Rule, more: Partial<Component> = {}): Component {
  return {
    key,
    name: `Компонент ${key}`,
    frequency: 'MONTHLY',
    measure: { kpi: 'sales_volume', subject: 'SELF', formula: null },
    rule: r,
    gates: [],
    cap: null,
    floor: null,
    ...more,
  };
}

function definition(components: Component[], more: Partial<Definition> = {}): Definition {
  return { baseSalary: '60000', cap: null, floor: null, adaptation: null, components, ...more };
}

const base = { key: 'c', name: 'Компонент c', frequency: 'MONTHLY' as const, gates: [] };
const salesVolume = { kpi: 'sales_volume', subject: 'SELF' as const };

/** Each rule kind: the API's definition and the input the editor must send back for it. */
const CASES: {
  kind: string;
  api: Component;
  input: SchemeDefinitionInput['components'][number];
}[] = [
  {
    kind: 'PERCENT with a gate',
    api: component('c', rule({ kind: 'PERCENT', ratePercent: '5' }), {
      gates: [
        {
          measure: { kpi: 'sales_volume', subject: 'SELF', formula: null },
          basis: 'VALUE',
          comparator: 'GT',
          threshold: '1000000',
        },
      ],
    }),
    input: {
      ...base,
      measure: salesVolume,
      rule: { kind: 'PERCENT', ratePercent: '5' },
      gates: [{ measure: salesVolume, basis: 'VALUE', comparator: 'GT', threshold: '1000000' }],
    },
  },
  {
    kind: 'PER_UNIT',
    api: component('c', rule({ kind: 'PER_UNIT', amount: '5000' }), {
      measure: { kpi: 'deals_won', subject: 'SELF', formula: null },
    }),
    input: {
      ...base,
      measure: { kpi: 'deals_won', subject: 'SELF' },
      rule: { kind: 'PER_UNIT', amount: '5000' },
    },
  },
  {
    kind: 'FIXED with a cap and a floor',
    api: component('c', rule({ kind: 'FIXED', amount: '10000.5' }), {
      cap: '20000',
      floor: '0',
      gates: [
        {
          measure: { kpi: 'nps', subject: 'TEAM', formula: null },
          basis: 'VALUE',
          comparator: 'GE',
          threshold: '70',
        },
      ],
    }),
    input: {
      ...base,
      measure: salesVolume,
      rule: { kind: 'FIXED', amount: '10000.5' },
      gates: [
        {
          measure: { kpi: 'nps', subject: 'TEAM' },
          basis: 'VALUE',
          comparator: 'GE',
          threshold: '70',
        },
      ],
      cap: '20000',
      floor: '0',
    },
  },
  {
    kind: 'TIERED',
    api: component(
      'c',
      rule({
        kind: 'TIERED',
        tierMode: 'WHOLE',
        tiers: [
          { from: '0', fromInclusive: true, ratePercent: '3' },
          { from: '500000', fromInclusive: false, ratePercent: '5' },
        ],
      }),
    ),
    input: {
      ...base,
      measure: salesVolume,
      rule: {
        kind: 'TIERED',
        tierMode: 'WHOLE',
        tiers: [
          { from: '0', fromInclusive: true, ratePercent: '3' },
          { from: '500000', fromInclusive: false, ratePercent: '5' },
        ],
      },
    },
  },
  {
    kind: 'ACCELERATOR above plan',
    api: component(
      'c',
      rule({ kind: 'ACCELERATOR', acceleratorMode: 'ABOVE_PLAN', ratePercent: '3' }),
    ),
    input: {
      ...base,
      measure: salesVolume,
      rule: { kind: 'ACCELERATOR', acceleratorMode: 'ABOVE_PLAN', ratePercent: '3' },
    },
  },
  {
    kind: 'ACCELERATOR curve',
    api: component(
      'c',
      rule({
        kind: 'ACCELERATOR',
        acceleratorMode: 'CURVE',
        ratePercent: '2',
        curve: [
          { fromAttainmentPercent: '100', fromInclusive: true, multiplier: '1' },
          { fromAttainmentPercent: '120', fromInclusive: false, multiplier: '1.5' },
        ],
      }),
    ),
    input: {
      ...base,
      measure: salesVolume,
      rule: {
        kind: 'ACCELERATOR',
        acceleratorMode: 'CURVE',
        ratePercent: '2',
        curve: [
          { fromAttainmentPercent: '100', fromInclusive: true, multiplier: '1' },
          { fromAttainmentPercent: '120', fromInclusive: false, multiplier: '1.5' },
        ],
      },
    },
  },
  {
    kind: 'FORMULA over a formula measure',
    api: component('c', rule({ kind: 'FORMULA', expression: 'measure * 0.01' }), {
      measure: { kpi: null, subject: 'SELF', formula: 'sales_volume - plan_sales_volume' },
    }),
    input: {
      ...base,
      measure: { formula: 'sales_volume - plan_sales_volume', subject: 'SELF' },
      rule: { kind: 'FORMULA', expression: 'measure * 0.01' },
    },
  },
  {
    kind: 'RANKING contest',
    api: component(
      'c',
      rule({
        kind: 'RANKING',
        highestWins: false,
        prizes: ['30000', '20000'],
        contestFrom: '2026-10-01',
        contestTo: '2026-12-31',
      }),
    ),
    input: {
      ...base,
      measure: salesVolume,
      rule: {
        kind: 'RANKING',
        highestWins: false,
        prizes: ['30000', '20000'],
        contestFrom: '2026-10-01',
        contestTo: '2026-12-31',
      },
    },
  },
  {
    kind: 'RANKING best of the period (no dates)',
    api: component('c', rule({ kind: 'RANKING', highestWins: true, prizes: ['15000'] })),
    input: {
      ...base,
      measure: salesVolume,
      rule: { kind: 'RANKING', highestWins: true, prizes: ['15000'] },
    },
  },
];

describe('definition ↔ form', () => {
  it.each(CASES)('round-trips $kind', ({ api, input }) => {
    for (const language of ['ru', 'en'] as const) {
      const result = formToInput(definitionToForm(definition([api]), language));
      expect(result.problems).toEqual([]);
      expect(result.input).toEqual({ baseSalary: '60000', components: [input] });
    }
  });

  it('round-trips the scheme level: cap, floor, adaptation', () => {
    const api = definition([], {
      baseSalary: '80000.5',
      cap: '150000',
      floor: '5000',
      adaptation: { months: 3, planFactorPercent: '50', guaranteedMinimum: '20000' },
    });
    expect(formToInput(definitionToForm(api, 'ru')).input).toEqual({
      baseSalary: '80000.5',
      cap: '150000',
      floor: '5000',
      adaptation: { months: 3, planFactorPercent: '50', guaranteedMinimum: '20000' },
      components: [],
    });
  });

  it('shows decimals with the language decimal sign and reads typed Russian numbers', () => {
    const form = definitionToForm(
      definition([component('c', rule({ kind: 'PERCENT', ratePercent: '5.5' }))]),
      'ru',
    );
    expect(form.components[0]!.rule.ratePercent).toBe('5,5');
    form.baseSalary = '1 234 567,80';
    form.components[0]!.rule.ratePercent = '−2,5';
    const input = formToInput(form).input!;
    expect(input.baseSalary).toBe('1234567.8');
    expect(input.components[0]!.rule.ratePercent).toBe('-2.5');
  });

  it('sends only the chosen kind’s fields after switching kinds', () => {
    const form = definitionToForm(
      definition([component('c', rule({ kind: 'PERCENT', ratePercent: '5' }))]),
      'en',
    );
    form.components[0]!.rule.kind = 'PER_UNIT';
    form.components[0]!.rule.amount = '300';
    expect(formToInput(form).input!.components[0]!.rule).toEqual({
      kind: 'PER_UNIT',
      amount: '300',
    });
  });

  it('names blank and non-numeric fields by their paths', () => {
    const form = emptyDefinitionForm();
    form.components = [emptyComponent('bonus', 'Премия'), emptyComponent('bonus', 'Ещё')];
    form.components[0]!.rule.ratePercent = 'пять';
    form.components[1]!.gates = [
      {
        measure: { source: 'FORMULA', kpi: undefined, subject: 'SELF', formula: ' ' },
        basis: 'VALUE',
        comparator: 'GT',
        threshold: '',
      },
    ];
    form.components[1]!.key = 'Bonus!';
    form.adaptationOn = true;
    form.adaptation.months = '1.5';
    const result = formToInput(form);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: ['baseSalary'], code: 'REQUIRED' },
        { path: ['components', 0, 'measure', 'kpi'], code: 'REQUIRED' },
        { path: ['components', 0, 'rule', 'ratePercent'], code: 'NUMBER' },
        { path: ['components', 1, 'key'], code: 'KEY' },
        { path: ['components', 1, 'measure', 'kpi'], code: 'REQUIRED' },
        { path: ['components', 1, 'rule', 'ratePercent'], code: 'REQUIRED' },
        { path: ['components', 1, 'gates', 0, 'measure', 'formula'], code: 'REQUIRED' },
        { path: ['components', 1, 'gates', 0, 'threshold'], code: 'REQUIRED' },
        { path: ['adaptation', 'months'], code: 'WHOLE' },
      ]),
    );
    expect(result.problems).toHaveLength(9);
  });

  it('refuses a key used twice', () => {
    const form = emptyDefinitionForm();
    form.baseSalary = '1';
    form.components = [emptyComponent('bonus', 'A'), emptyComponent('bonus', 'B')];
    for (const c of form.components) {
      c.measure.kpi = 'sales_volume';
      c.rule.ratePercent = '1';
    }
    expect(formToInput(form).problems).toEqual([
      { path: ['components', 1, 'key'], code: 'DUPLICATE_KEY' },
    ]);
  });
});
