import type { KpiPlanCellInput, KpiUnit, PlanSubjectKind } from '@/gql/graphql';
import { compareDecimals, parseDecimalInput } from '@/shared/numbers';
import type { UserErrorLike } from '@/shared/user-errors';

/**
 * The plan grid's bookkeeping, without React: which cells the user changed, whether each is a valid
 * target, the mutation's input with the changed cells only, and the server's errors put back on
 * the cells they name (`["input", "cells", "3", "target"]` is the fourth cell sent).
 */

export interface CellRef {
  subjectKind: PlanSubjectKind;
  /** The employee's or department's opaque id. */
  subjectId: string;
  kpi: string;
}

export const cellKey = ({ subjectKind, subjectId, kpi }: CellRef) =>
  `${subjectKind}|${subjectId}|${kpi}`;

export function cellOf(key: string): CellRef {
  const [subjectKind, subjectId, kpi] = key.split('|') as [PlanSubjectKind, string, string];
  return { subjectKind, subjectId, kpi };
}

/** Why a typed target is refused, as a message key; null when it is fine. */
export type TargetProblem = 'notNumber' | 'notWhole' | 'tooManyDecimals' | 'over100' | 'tooLarge';

/** Checks a parsed, non-blank target (a plain decimal ≥ 0) against the KPI's unit, as the server does. */
export function targetProblem(unit: KpiUnit, target: string): TargetProblem | null {
  const [whole = '', fraction = ''] = target.split('.');
  if (whole.length > 14) {
    return 'tooLarge';
  }
  switch (unit) {
    case 'COUNT':
      return fraction ? 'notWhole' : null;
    case 'MONEY':
      return fraction.length > 2 ? 'tooManyDecimals' : null;
    case 'PERCENT':
      if (fraction.length > 4) {
        return 'tooManyDecimals';
      }
      return compareDecimals(target, '100') > 0 ? 'over100' : null;
    default:
      return fraction.length > 4 ? 'tooManyDecimals' : null;
  }
}

export interface GridChanges {
  /** The cells to send, in order: index i of `cells` is `keys[i]`. */
  keys: string[];
  cells: KpiPlanCellInput[];
  /** Cells whose text is not a valid target: key → problem. Nothing is sent while any exists. */
  problems: Record<string, TargetProblem>;
}

/**
 * From what the user typed (`edits`: key → text) and the saved targets (`saved`: key → decimal),
 * the cells that really change: a text equal to the saved target (1 500 000,00 = 1500000) or a
 * blank over no plan is no change; a blank over a plan clears it (target null).
 */
export function gridChanges(
  edits: Readonly<Record<string, string>>,
  saved: Readonly<Record<string, string>>,
  unitOf: (kpi: string) => KpiUnit,
): GridChanges {
  const keys: string[] = [];
  const cells: KpiPlanCellInput[] = [];
  const problems: Record<string, TargetProblem> = {};
  for (const key of Object.keys(edits).sort()) {
    const parsed = parseDecimalInput(edits[key] ?? '');
    const ref = cellOf(key);
    if (parsed === null) {
      problems[key] = 'notNumber';
      continue;
    }
    const before = saved[key];
    if (
      parsed === ''
        ? before === undefined
        : before !== undefined && compareDecimals(parsed, before) === 0
    ) {
      continue;
    }
    if (parsed !== '') {
      const problem = targetProblem(unitOf(ref.kpi), parsed);
      if (problem) {
        problems[key] = problem;
        continue;
      }
    }
    keys.push(key);
    cells.push({
      kpi: ref.kpi,
      ...(ref.subjectKind === 'EMPLOYEE'
        ? { employeeId: ref.subjectId }
        : { departmentId: ref.subjectId }),
      target: parsed === '' ? null : parsed,
    });
  }
  return { keys, cells, problems };
}

/** The server's errors by cell key (through the index of the cell sent), and those of no cell. */
export function errorsByCell(
  errors: readonly UserErrorLike[],
  keys: readonly string[],
): { byCell: Record<string, string[]>; general: UserErrorLike[] } {
  const byCell: Record<string, string[]> = {};
  const general: UserErrorLike[] = [];
  for (const error of errors) {
    const path = error.field[0] === 'input' ? error.field.slice(1) : error.field;
    const index = path[0] === 'cells' && path[1] !== undefined ? Number(path[1]) : NaN;
    const key = Number.isInteger(index) ? keys[index] : undefined;
    if (key) {
      (byCell[key] ??= []).push(error.message);
    } else {
      general.push(error);
    }
  }
  return { byCell, general };
}
