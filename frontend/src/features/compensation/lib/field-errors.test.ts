import { describe, expect, it } from 'vitest';
import { emptyComponent, emptyDefinitionForm, emptyGate } from './definition-form';
import { definitionPath, editorFieldOf, sortEditorErrors } from './field-errors';

const values = (() => {
  const form = emptyDefinitionForm();
  form.components = [emptyComponent('a', 'A'), emptyComponent('b', 'B'), emptyComponent('c', 'C')];
  form.components[1]!.gates = [emptyGate()];
  form.components[1]!.gates[0]!.measure.source = 'FORMULA';
  return form;
})();

const error = (field: string[], message = 'm') => ({ field, code: 'INVALID', message });

describe('server error paths → editor fields', () => {
  it('drops input and definition and reads indices as numbers', () => {
    expect(
      definitionPath(['input', 'definition', 'components', '2', 'rule', 'ratePercent']),
    ).toEqual(['components', 2, 'rule', 'ratePercent']);
    expect(definitionPath(['definition', 'baseSalary'])).toEqual(['baseSalary']);
  });

  it.each([
    [
      ['input', 'definition', 'components', '2', 'rule', 'ratePercent'],
      ['components', 2, 'rule', 'ratePercent'],
    ],
    [
      ['input', 'definition', 'components', '0', 'rule', 'tiers', '1', 'from'],
      ['components', 0, 'rule', 'tiers', 1, 'from'],
    ],
    [
      ['input', 'definition', 'components', '0', 'rule', 'prizes', '2'],
      ['components', 0, 'rule', 'prizes', 2],
    ],
    [
      ['input', 'definition', 'components', '1', 'gates', '0', 'threshold'],
      ['components', 1, 'gates', 0, 'threshold'],
    ],
    [['input', 'definition', 'baseSalary'], ['baseSalary']],
    [
      ['input', 'definition', 'adaptation', 'months'],
      ['adaptation', 'months'],
    ],
    // A measure goes to the field holding its value: the KPI select, or the formula.
    [
      ['input', 'definition', 'components', '0', 'measure'],
      ['components', 0, 'measure', 'kpi'],
    ],
    [
      ['input', 'definition', 'components', '1', 'gates', '0', 'measure'],
      ['components', 1, 'gates', 0, 'measure', 'formula'],
    ],
    [
      ['input', 'definition', 'components', '2', 'rule'],
      ['components', 2, 'rule', 'kind'],
    ],
  ])('%j → %j', (field, name) => {
    expect(editorFieldOf(field, values)).toEqual(name);
  });

  it('keeps errors of no field aside with their component', () => {
    const sorted = sortEditorErrors(
      [
        error(['input', 'definition', 'components', '2', 'rule', 'ratePercent'], 'Ставка ≥ 0'),
        error(['input', 'definition', 'components', '2', 'rule', 'ratePercent'], 'Не больше 100'),
        error(['input', 'definition', 'components', '1'], 'Ключ повторяется'),
        error(['input', 'definition', 'components'], 'Слишком много'),
        error(['input', 'schemeId'], 'Нет схемы'),
      ],
      values,
    );
    expect(sorted.fields).toEqual([
      { name: ['components', 2, 'rule', 'ratePercent'], errors: ['Ставка ≥ 0', 'Не больше 100'] },
    ]);
    expect(sorted.general.map((e) => [e.message, e.component])).toEqual([
      ['Ключ повторяется', 1],
      ['Слишком много', null],
      ['Нет схемы', null],
    ]);
  });
});
