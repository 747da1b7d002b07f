import type { UserErrorLike } from '@/shared/user-errors';
import type { DefinitionForm, FieldPath } from './definition-form';

/**
 * The server names a field of a definition by its path in the mutation's or query's input
 * (["input", "definition", "components", "2", "rule", "ratePercent"]); the editor's fields have the
 * same names (['components', 2, 'rule', 'ratePercent']). A path that ends above a field (["…",
 * "measure"]) goes to the field that holds the measure's value; a path that names no field at all
 * (the list of components, a whole component) stays an error of the form, said with where it is.
 */

/** Leaf fields of the editor, indices as '*'. */
const FIELDS = new Set([
  'baseSalary',
  'cap',
  'floor',
  'adaptation.months',
  'adaptation.planFactorPercent',
  'adaptation.guaranteedMinimum',
  ...[
    'key',
    'name',
    'frequency',
    'measure.kpi',
    'measure.subject',
    'measure.formula',
    'rule.kind',
    'rule.ratePercent',
    'rule.amount',
    'rule.tierMode',
    'rule.tiers.*.from',
    'rule.tiers.*.fromInclusive',
    'rule.tiers.*.ratePercent',
    'rule.acceleratorMode',
    'rule.curve.*.fromAttainmentPercent',
    'rule.curve.*.fromInclusive',
    'rule.curve.*.multiplier',
    'rule.expression',
    'rule.highestWins',
    'rule.prizes.*',
    'rule.contestFrom',
    'rule.contestTo',
    'gates.*.measure.kpi',
    'gates.*.measure.subject',
    'gates.*.measure.formula',
    'gates.*.basis',
    'gates.*.comparator',
    'gates.*.threshold',
    'cap',
    'floor',
  ].map((f) => `components.*.${f}`),
]);

function pattern(path: FieldPath): string {
  return path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
}

export function isEditorField(path: FieldPath): boolean {
  return FIELDS.has(pattern(path));
}

/** The path after "input" (and "definition"), indices as numbers: ["input","definition","cap"] → ['cap']. */
export function definitionPath(field: readonly string[]): FieldPath {
  let rest = field[0] === 'input' ? field.slice(1) : field.slice();
  if (rest[0] === 'definition') {
    rest = rest.slice(1);
  }
  return rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function valueAt(values: unknown, path: FieldPath): unknown {
  let at = values;
  for (const p of path) {
    if (at === null || typeof at !== 'object') {
      return undefined;
    }
    at = (at as Record<string | number, unknown>)[p];
  }
  return at;
}

/** The editor field an error belongs to, or null when it names none. */
export function editorFieldOf(field: readonly string[], values: DefinitionForm): FieldPath | null {
  const path = definitionPath(field);
  if (path.at(-1) === 'measure') {
    const source = valueAt(values, [...path, 'source']);
    const leaf = [...path, source === 'FORMULA' ? 'formula' : 'kpi'];
    return isEditorField(leaf) ? leaf : null;
  }
  if (path.at(-1) === 'rule' && isEditorField([...path, 'kind'])) {
    return [...path, 'kind'];
  }
  if (path.at(-1) === 'adaptation') {
    return ['adaptation', 'months'];
  }
  return isEditorField(path) ? path : null;
}

export interface SortedEditorErrors {
  /** Messages per field (antd's setFields form). */
  fields: { name: FieldPath; errors: string[] }[];
  /** Errors of no field, each with the component it concerns (its index), if any. */
  general: (UserErrorLike & { component: number | null })[];
}

/** Sorts a payload's errors into the editor's fields and the rest. */
export function sortEditorErrors(
  errors: readonly UserErrorLike[],
  values: DefinitionForm,
): SortedEditorErrors {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: SortedEditorErrors['general'] = [];
  for (const error of errors) {
    const name = editorFieldOf(error.field, values);
    if (name) {
      const id = name.join('.');
      const entry = byField.get(id) ?? { name, errors: [] };
      entry.errors.push(error.message);
      byField.set(id, entry);
    } else {
      const path = definitionPath(error.field);
      general.push({
        ...error,
        component: path[0] === 'components' && typeof path[1] === 'number' ? path[1] : null,
      });
    }
  }
  return { fields: [...byField.values()], general };
}
