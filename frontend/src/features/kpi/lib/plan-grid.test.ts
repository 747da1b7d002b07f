import { describe, expect, it } from 'vitest';
import type { KpiUnit } from '@/gql/graphql';
import { cellKey, errorsByCell, gridChanges, targetProblem } from './plan-grid';

const units: Record<string, KpiUnit> = {
  sales_volume: 'MONEY',
  deals_won: 'COUNT',
  lead_conversion: 'PERCENT',
};
const unitOf = (kpi: string) => units[kpi]!;
const ivan = (kpi: string) => cellKey({ subjectKind: 'EMPLOYEE', subjectId: 'e-1', kpi });
const sales = (kpi: string) => cellKey({ subjectKind: 'DEPARTMENT', subjectId: 'd-1', kpi });

describe('targetProblem', () => {
  it('wants a whole count, money to the kopeck and a percentage up to 100', () => {
    expect(targetProblem('COUNT', '12')).toBeNull();
    expect(targetProblem('COUNT', '12.5')).toBe('notWhole');
    expect(targetProblem('MONEY', '1500000.25')).toBeNull();
    expect(targetProblem('MONEY', '1500000.255')).toBe('tooManyDecimals');
    expect(targetProblem('PERCENT', '100')).toBeNull();
    expect(targetProblem('PERCENT', '100.0001')).toBe('over100');
    expect(targetProblem('PERCENT', '12.34567')).toBe('tooManyDecimals');
    expect(targetProblem('MONEY', '123456789012345')).toBe('tooLarge');
  });
});

describe('gridChanges', () => {
  const saved = { [ivan('sales_volume')]: '1500000', [ivan('deals_won')]: '10' };

  it('sends only the cells whose value really changed, a Russian comma read as a point', () => {
    const changes = gridChanges(
      {
        [ivan('sales_volume')]: '1 500 000,00', // the same as saved: not sent
        [ivan('deals_won')]: '12',
        [sales('sales_volume')]: '5 000 000,5',
        [ivan('lead_conversion')]: '', // blank over no plan: nothing
      },
      saved,
      unitOf,
    );
    expect(changes.problems).toEqual({});
    expect(changes.cells).toEqual([
      { kpi: 'sales_volume', departmentId: 'd-1', target: '5000000.5' },
      { kpi: 'deals_won', employeeId: 'e-1', target: '12' },
    ]);
    expect(changes.keys).toEqual([sales('sales_volume'), ivan('deals_won')]);
  });

  it('clears a plan whose cell was emptied', () => {
    const changes = gridChanges({ [ivan('deals_won')]: ' ' }, saved, unitOf);
    expect(changes.cells).toEqual([{ kpi: 'deals_won', employeeId: 'e-1', target: null }]);
  });

  it('holds back invalid cells with the reason', () => {
    const changes = gridChanges(
      {
        [ivan('deals_won')]: '2,5',
        [ivan('sales_volume')]: 'много',
        [ivan('lead_conversion')]: '120',
      },
      saved,
      unitOf,
    );
    expect(changes.problems).toEqual({
      [ivan('deals_won')]: 'notWhole',
      [ivan('sales_volume')]: 'notNumber',
      [ivan('lead_conversion')]: 'over100',
    });
    expect(changes.cells).toEqual([]);
  });
});

describe('errorsByCell', () => {
  it('puts an error on the cell its index names, the rest aside', () => {
    const keys = [ivan('deals_won'), ivan('sales_volume')];
    const { byCell, general } = errorsByCell(
      [
        {
          field: ['input', 'cells', '1', 'target'],
          code: 'INVALID',
          message: 'Не больше 2 знаков',
        },
        { field: ['input', 'cells', '7', 'target'], code: 'INVALID', message: 'Нет такой ячейки' },
        { field: [], code: 'FORBIDDEN', message: 'Нельзя' },
      ],
      keys,
    );
    expect(byCell).toEqual({ [ivan('sales_volume')]: ['Не больше 2 знаков'] });
    expect(general.map((e) => e.message)).toEqual(['Нет такой ячейки', 'Нельзя']);
  });
});
