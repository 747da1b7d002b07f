import { CopyOutlined, DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFragment as unmask } from '@/gql';
import type { KpiPlanFieldsFragment, PlanSubjectKind } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { parseDecimalInput } from '@/shared/numbers';
import type { UserErrorLike } from '@/shared/user-errors';
import { periodLabel, shiftPeriod, type PeriodRef } from '@/shared/period';
import { copyKpiPlansMutation } from '../api/copy-kpi-plans';
import { departmentsQuery } from '../api/departments';
import { employeeKpisQuery } from '../api/employee-kpis';
import { importKpiPlansMutation } from '../api/import-kpi-plans';
import { kpiPlanFieldsFragment } from '../api/kpi-plan-fields';
import { kpiPlansQuery } from '../api/kpi-plans';
import { setKpiPlansMutation } from '../api/set-kpi-plans';
import { departmentTree } from '../components/department-select';
import { KpiName } from '../components/kpi-name';
import { PeriodPicker } from '../components/period-picker';
import { PlanCell } from '../components/plan-cell';
import { evictKpiResults } from '../lib/evict';
import { cellKey, errorsByCell, gridChanges } from '../lib/plan-grid';
import { useKpiCatalogue, type KpiDefinition } from '../lib/use-catalogue';
import { useLeaveGuard } from '../lib/use-leave-guard';
import { usePeriodParam } from '../lib/use-period-param';
import { kpiMessages } from '../messages';

const EMPLOYEE_PAGE = 50;
const PLAN_PAGE = 100;
/** The server takes at most 5 MB of XLSX. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface GridRow {
  key: string;
  kind: PlanSubjectKind | 'SECTION';
  id: string;
  name: string;
  depth: number;
}

/** The text a saved target shows in its input: no grouping, the language's decimal sign. */
function targetText(target: string, language: 'ru' | 'en'): string {
  const plain = parseDecimalInput(target) ?? target;
  return language === 'ru' ? plain.replace('.', ',') : plain;
}

/** Reads a file as base64 (without the data-URL prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * The plan grid of a period: departments and employees in rows, plannable KPIs in columns, each
 * cell a target with the actual value and attainment under it. Those who may manage plans edit
 * cells and save the changed ones at once (all or nothing), copy the previous period's plans,
 * download the XLSX template and import a filled one; the others only read.
 */
export function KpiPlansPage({
  timeZone,
  currency,
  canEdit,
}: {
  timeZone: string;
  currency: string;
  canEdit: boolean;
}) {
  const t = useMessages(kpiMessages);
  const { language } = useI18n();
  const { message, modal } = App.useApp();
  const client = useApolloClient();
  const [period, setPeriodParam] = usePeriodParam(timeZone);
  const { kpis, byCode, error: catalogueError } = useKpiCatalogue();

  const columns = useMemo(() => (kpis ?? []).filter((k) => k.plannable), [kpis]);
  const employeeKpiCodes = useMemo(
    () => columns.filter((k) => k.scope === 'EMPLOYEE').map((k) => k.code),
    [columns],
  );

  const departments = useQuery(departmentsQuery);
  const employees = useQuery(employeeKpisQuery, {
    variables: { period, kpis: employeeKpiCodes, first: EMPLOYEE_PAGE },
    skip: !kpis,
  });
  const plans = useQuery(kpiPlansQuery, { variables: { period, first: PLAN_PAGE } });

  // Every page of the period's plans: the grid needs each saved target to tell changes.
  const morePlans = plans.data?.kpiPlans.pageInfo.hasNextPage
    ? plans.data.kpiPlans.pageInfo.endCursor
    : null;
  const fetchMorePlans = plans.fetchMore;
  useEffect(() => {
    if (morePlans) {
      void fetchMorePlans({ variables: { after: morePlans } }).catch(() => {});
    }
  }, [morePlans, fetchMorePlans]);

  const savedPlans = useMemo(
    () =>
      (plans.data?.kpiPlans.edges ?? []).map((e) =>
        unmask(kpiPlanFieldsFragment, e.node),
      ) as KpiPlanFieldsFragment[],
    [plans.data],
  );

  /** key → saved target, actual and attainment of a plan. */
  const saved = useMemo(() => {
    const targets: Record<string, string> = {};
    const facts: Record<string, { actual: string | null; attainment: string | null }> = {};
    for (const p of savedPlans) {
      const subjectId = p.subjectKind === 'EMPLOYEE' ? p.employee?.id : p.department?.id;
      if (!subjectId) {
        continue;
      }
      const key = cellKey({ subjectKind: p.subjectKind, subjectId, kpi: p.kpi.code });
      targets[key] = p.target;
      facts[key] = { actual: p.actual, attainment: p.attainment };
    }
    // Employees' actual values where no plan is set yet.
    for (const edge of employees.data?.employeeKpis.edges ?? []) {
      for (const v of edge.node.values) {
        const key = cellKey({
          subjectKind: 'EMPLOYEE',
          subjectId: edge.node.employee.id,
          kpi: v.kpi.code,
        });
        facts[key] ??= { actual: v.value, attainment: v.attainment };
      }
    }
    return { targets, facts };
  }, [savedPlans, employees.data]);

  const rows = useMemo<GridRow[]>(() => {
    const result: GridRow[] = [];
    const walk = (nodes: ReturnType<typeof departmentTree>, depth: number) => {
      for (const node of nodes) {
        result.push({
          key: `DEPARTMENT|${node.value}`,
          kind: 'DEPARTMENT',
          id: node.value,
          name: node.title,
          depth,
        });
        walk(node.children, depth + 1);
      }
    };
    const tree = departmentTree(departments.data?.departments ?? []);
    if (tree.length > 0) {
      result.push({
        key: 'section-departments',
        kind: 'SECTION',
        id: '',
        name: t.departments,
        depth: 0,
      });
      walk(tree, 0);
    }
    const seen = new Set<string>();
    const people: GridRow[] = [];
    for (const edge of employees.data?.employeeKpis.edges ?? []) {
      const e = edge.node.employee;
      seen.add(e.id);
      people.push({ key: `EMPLOYEE|${e.id}`, kind: 'EMPLOYEE', id: e.id, name: e.name, depth: 0 });
    }
    for (const p of savedPlans) {
      if (p.subjectKind === 'EMPLOYEE' && p.employee && !seen.has(p.employee.id)) {
        seen.add(p.employee.id);
        people.push({
          key: `EMPLOYEE|${p.employee.id}`,
          kind: 'EMPLOYEE',
          id: p.employee.id,
          name: p.employee.name,
          depth: 0,
        });
      }
    }
    if (people.length > 0) {
      result.push({
        key: 'section-employees',
        kind: 'SECTION',
        id: '',
        name: t.employees,
        depth: 0,
      });
      result.push(...people);
    }
    return result;
  }, [departments.data, employees.data, savedPlans, t]);

  const [edits, setEdits] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [generalErrors, setGeneralErrors] = useState<UserErrorLike[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const [copyResult, setCopyResult] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<UserErrorLike[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const unitOf = useCallback((code: string) => byCode.get(code)?.unit ?? 'COUNT', [byCode]);
  const changes = useMemo(
    () => gridChanges(edits, saved.targets, unitOf),
    [edits, saved.targets, unitOf],
  );
  const dirty = changes.cells.length > 0 || Object.keys(changes.problems).length > 0;

  useLeaveGuard(dirty, {
    title: t.leaveTitle,
    content: t.leaveText,
    okText: t.leaveOk,
    cancelText: t.stay,
  });

  const onEdit = useCallback((key: string, text: string) => {
    setEdits((current) => ({ ...current, [key]: text }));
    setServerErrors((current) => {
      if (!(key in current)) {
        return current;
      }
      const { [key]: _, ...rest } = current;
      return rest;
    });
  }, []);

  const resetEdits = () => {
    setEdits({});
    setServerErrors({});
    setGeneralErrors([]);
    setShowProblems(false);
  };

  const setPeriod = (next: PeriodRef) => {
    if (!dirty) {
      setCopyResult(null);
      setImportErrors([]);
      setPeriodParam(next);
      return;
    }
    modal.confirm({
      title: t.leaveTitle,
      content: t.leaveText,
      okText: t.leaveOk,
      cancelText: t.stay,
      okButtonProps: { danger: true },
      onOk: () => {
        resetEdits();
        setCopyResult(null);
        setImportErrors([]);
        setPeriodParam(next);
      },
    });
  };

  const [savePlans, { loading: saving }] = useMutation(setKpiPlansMutation);
  const [copyPlans, { loading: copying }] = useMutation(copyKpiPlansMutation);
  const [importPlans, { loading: importing }] = useMutation(importKpiPlansMutation);

  const afterChange = () => evictKpiResults(client.cache);

  const save = async () => {
    setShowProblems(true);
    if (Object.keys(changes.problems).length > 0) {
      void message.error(t.fixCells);
      return;
    }
    if (changes.cells.length === 0) {
      void message.info(t.nothingToSave);
      return;
    }
    const { keys, cells } = changes;
    try {
      const { data } = await savePlans({ variables: { input: { period, cells } } });
      const payload = data?.setKpiPlans;
      if (!payload) {
        return;
      }
      if (payload.errors.length > 0) {
        const { byCell, general } = errorsByCell(payload.errors, keys);
        setServerErrors(byCell);
        setGeneralErrors(general);
        void message.error(t.fixCells);
        return;
      }
      resetEdits();
      afterChange();
      void message.success(interpolate(t.saved, { count: cells.length }));
    } catch (e) {
      setGeneralErrors([{ field: [], code: 'INTERNAL', message: describe(e) }]);
    }
  };

  const copyFromPrevious = () => {
    const from = shiftPeriod(period, -1);
    modal.confirm({
      title: interpolate(t.copyConfirmTitle, {
        from: periodLabel(from, language),
        to: periodLabel(period, language),
      }),
      content: t.copyConfirmText,
      okText: t.copyOk,
      cancelText: t.cancel,
      okButtonProps: { 'data-testid': 'copy-confirm' },
      onOk: async () => {
        const { data } = await copyPlans({ variables: { input: { from } } });
        const payload = data?.copyKpiPlans;
        if (!payload) {
          return;
        }
        if (payload.errors.length > 0) {
          setGeneralErrors(payload.errors);
          return;
        }
        setCopyResult(interpolate(t.copied, { copied: payload.copied, skipped: payload.skipped }));
        afterChange();
      },
    });
  };

  const importFile = async (file: File) => {
    setImportErrors([]);
    if (file.size > MAX_FILE_BYTES) {
      setImportErrors([{ field: [], code: 'INVALID', message: t.fileTooLarge }]);
      return;
    }
    const fileBase64 = await readBase64(file);
    try {
      const { data } = await importPlans({ variables: { input: { period, fileBase64 } } });
      const payload = data?.importKpiPlans;
      if (!payload) {
        return;
      }
      if (payload.errors.length > 0) {
        setImportErrors(payload.errors);
        return;
      }
      void message.success(interpolate(t.imported, { count: payload.imported }));
      afterChange();
    } catch (e) {
      setImportErrors([{ field: [], code: 'INTERNAL', message: describe(e) }]);
    }
  };

  const problemText = (key: string): string | undefined => {
    const server = serverErrors[key];
    if (server?.length) {
      return server.join('; ');
    }
    const local = changes.problems[key];
    return local && (showProblems || edits[key] !== undefined) ? t[local] : undefined;
  };

  const tableColumns = [
    {
      key: 'subject',
      title: t.subject,
      fixed: 'left' as const,
      width: 240,
      render: (_: unknown, row: GridRow) =>
        row.kind === 'SECTION' ? (
          <Typography.Text strong>{row.name}</Typography.Text>
        ) : (
          <span style={{ paddingLeft: row.depth * 16 }} data-testid="plan-subject-name">
            {row.name}
          </span>
        ),
      onCell: (row: GridRow) => (row.kind === 'SECTION' ? { colSpan: columns.length + 1 } : {}),
    },
    ...columns.map((kpi: KpiDefinition) => ({
      key: kpi.code,
      title: (
        <Flex vertical>
          <KpiName kpi={kpi} code={kpi.code} />
          {kpi.scope === 'DEPARTMENT' && <Tag style={{ width: 'fit-content' }}>{t.department}</Tag>}
        </Flex>
      ),
      align: 'right' as const,
      onCell: (row: GridRow) => (row.kind === 'SECTION' ? { colSpan: 0 } : {}),
      render: (_: unknown, row: GridRow) => {
        if (row.kind === 'SECTION') {
          return null;
        }
        const key = cellKey({ subjectKind: row.kind, subjectId: row.id, kpi: kpi.code });
        const savedTarget = saved.targets[key];
        const text =
          edits[key] ?? (savedTarget !== undefined ? targetText(savedTarget, language) : '');
        const notForEmployee = row.kind === 'EMPLOYEE' && kpi.scope === 'DEPARTMENT';
        const facts = saved.facts[key];
        return (
          <PlanCell
            cellKey={key}
            kpi={kpi.code}
            unit={kpi.unit}
            text={text}
            changed={changes.keys.includes(key) || key in changes.problems}
            problem={problemText(key)}
            disabled={!canEdit || notForEmployee}
            disabledReason={notForEmployee ? t.notForEmployees : undefined}
            actual={facts?.actual}
            attainment={facts?.attainment}
            currency={currency}
            onEdit={onEdit}
          />
        );
      },
    })),
  ];

  const loadError = catalogueError ?? plans.error ?? employees.error ?? departments.error;
  const loaded = kpis && plans.data && employees.data && departments.data;
  const employeesPage = employees.data?.employeeKpis.pageInfo;

  return (
    <Flex vertical gap="middle">
      <title>{t.plansTitle}</title>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.plansTitle}
      </Typography.Title>
      <Flex gap="middle" wrap align="center" justify="space-between">
        <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
        <Flex gap="small" wrap>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/kpi/plans/template.xlsx?kind=${period.kind}&start=${period.start}`}
            data-testid="plans-template"
          >
            {t.downloadTemplate}
          </Button>
          {canEdit && (
            <>
              <Button
                icon={<UploadOutlined />}
                loading={importing}
                onClick={() => fileInput.current?.click()}
                data-testid="plans-import"
              >
                {t.importXlsx}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                hidden
                data-testid="plans-import-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) {
                    void importFile(file);
                  }
                }}
              />
              <Button
                icon={<CopyOutlined />}
                loading={copying}
                onClick={copyFromPrevious}
                data-testid="plans-copy"
              >
                {t.copyFromPrevious}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      {!canEdit && (
        <Alert type="info" showIcon title={t.plansReadOnly} data-testid="plans-read-only" />
      )}
      {copyResult && (
        <Alert
          type="success"
          showIcon
          closable
          title={copyResult}
          data-testid="copy-result"
          onClose={() => setCopyResult(null)}
        />
      )}
      {importErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="import-errors"
          title={t.importErrors}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {importErrors.map((e, i) => {
                const cell = e.field.at(-1);
                const ref =
                  cell && /^[A-Z]{1,3}\d+$/.test(cell) && !e.message.includes(cell)
                    ? `${cell}: `
                    : '';
                return <li key={i}>{ref + e.message}</li>;
              })}
            </ul>
          }
        />
      )}
      {generalErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="form-errors"
          title={generalErrors.length === 1 ? generalErrors[0]!.message : t.fixCells}
          description={
            generalErrors.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {generalErrors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {loadError && (
        <ErrorDisplay error={loadError} onRetry={() => void plans.refetch().catch(() => {})} />
      )}
      {!loaded && !loadError ? (
        <Skeleton active paragraph={{ rows: 10 }} data-testid="plans-loading" />
      ) : loaded ? (
        <>
          <Table<GridRow>
            rowKey="key"
            columns={tableColumns}
            dataSource={rows}
            pagination={false}
            size="small"
            bordered
            scroll={{ x: 'max-content', y: 600 }}
            locale={{ emptyText: t.noData }}
            data-testid="plan-grid"
          />
          {employeesPage?.hasNextPage && (
            <Button
              style={{ alignSelf: 'start' }}
              data-testid="plans-more"
              onClick={() =>
                void employees
                  .fetchMore({ variables: { after: employeesPage.endCursor ?? null } })
                  .catch(() => {})
              }
            >
              {t.showMore}
            </Button>
          )}
        </>
      ) : null}
      {canEdit && loaded && (
        <Flex
          gap="middle"
          align="center"
          style={{ position: 'sticky', bottom: 0, background: 'inherit', paddingBlock: 8 }}
        >
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => void save()}
            data-testid="plans-save"
          >
            {t.save}
          </Button>
          {dirty && (
            <>
              <Typography.Text data-testid="plans-unsaved">
                {interpolate(t.unsaved, {
                  count: changes.cells.length + Object.keys(changes.problems).length,
                })}
              </Typography.Text>
              <Button onClick={resetEdits} data-testid="plans-discard">
                {t.discard}
              </Button>
            </>
          )}
        </Flex>
      )}
    </Flex>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
