import { useQuery } from '@apollo/client/react';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { KpiDepartmentsQuery } from '@/gql/graphql';
import { useMessages } from '@/shared/i18n';
import { departmentsQuery } from '../api/departments';
import { kpiMessages } from '../messages';

type Department = KpiDepartmentsQuery['departments'][number];

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** The departments as a tree by parentId; a department whose parent is not listed is a root. */
export function departmentTree(departments: readonly Department[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(
    departments.map((d) => [d.id, { value: d.id, title: d.name, children: [] }]),
  );
  const roots: TreeNode[] = [];
  for (const d of departments) {
    const node = nodes.get(d.id)!;
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Chooses a department (with its sub-departments) or, cleared, the whole company. */
export function DepartmentSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (departmentId: string | null) => void;
}) {
  const t = useMessages(kpiMessages);
  const { data, loading } = useQuery(departmentsQuery);
  const tree = useMemo(() => departmentTree(data?.departments ?? []), [data]);
  return (
    <TreeSelect
      style={{ minWidth: 260 }}
      value={value ?? undefined}
      placeholder={t.wholeCompany}
      allowClear
      showSearch
      treeDefaultExpandAll
      loading={loading}
      treeData={tree}
      treeNodeFilterProp="title"
      aria-label={t.department}
      data-testid="department-select"
      onChange={(next: string | undefined) => onChange(next ?? null)}
    />
  );
}
