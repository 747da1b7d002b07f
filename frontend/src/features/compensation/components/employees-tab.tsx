import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Form, Popover, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { CompensationSchemeQuery } from '@/gql/graphql';
import { DateField, formatDay } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { INTL_LOCALE, interpolate, useI18n, useMessages } from '@/shared/i18n';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { assignSchemeMutation } from '../api/assign-scheme';
import { compensationSchemeQuery } from '../api/compensation-scheme';
import { endSchemeAssignmentMutation } from '../api/end-scheme-assignment';
import { payEmployeesQuery } from '../api/pay-employees';
import { monthStart, todayIn } from '../lib/months';
import { compensationMessages } from '../messages';

type Assignment = NonNullable<CompensationSchemeQuery['compensationScheme']>['assignments'][number];

/**
 * Who is on the scheme today, and putting someone on it from a day (which ends his previous
 * assignment the day before) or ending an assignment. Employees come from the KPI API.
 */
export function EmployeesTab({
  schemeId,
  assignments,
  canEdit,
  timeZone,
}: {
  schemeId: string;
  assignments: readonly Assignment[];
  canEdit: boolean;
  timeZone: string;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const locale = INTL_LOCALE[language];
  const { message } = App.useApp();
  const today = todayIn(timeZone);
  const employees = useQuery(payEmployeesQuery, {
    variables: { period: { kind: 'MONTH', start: monthStart(today) } },
    skip: !canEdit,
  });
  const options = useMemo(
    () =>
      (employees.data?.employeeKpis.edges ?? [])
        .map((e) => e.node.employee)
        .filter((e) => !e.firedOn)
        .map((e) => ({ value: e.id, label: e.name })),
    [employees.data],
  );
  const [employeeId, setEmployeeId] = useState<string | undefined>();
  const [validFrom, setValidFrom] = useState(today);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const refetch = { refetchQueries: [compensationSchemeQuery], awaitRefetchQueries: true };
  const [assign, assigning] = useMutation(assignSchemeMutation, refetch);
  const [end, ending] = useMutation(endSchemeAssignmentMutation, refetch);

  const doAssign = async () => {
    if (!employeeId || !validFrom) {
      return;
    }
    const { data } = await assign({ variables: { input: { schemeId, employeeId, validFrom } } });
    const payload = data?.assignScheme;
    if (!payload || payload.errors.length > 0) {
      setErrors(payload?.errors ?? []);
      return;
    }
    setErrors([]);
    setEmployeeId(undefined);
    message.success(
      interpolate(t.assigned, {
        name: payload.assignment?.employee.name ?? '',
        date: formatDay(validFrom, locale),
      }),
    );
  };

  const doEnd = async (assignment: Assignment, validTo: string) => {
    const { data } = await end({ variables: { input: { assignmentId: assignment.id, validTo } } });
    const payload = data?.endSchemeAssignment;
    if (!payload || payload.errors.length > 0) {
      message.error(payload?.errors.map((e) => e.message).join(' ') ?? '');
      return;
    }
    message.success(
      interpolate(t.ended, { name: assignment.employee.name, date: formatDay(validTo, locale) }),
    );
  };

  return (
    <Flex vertical gap="middle">
      {canEdit && (
        <Card size="small" title={t.assignTitle}>
          {employees.error && <ErrorDisplay error={employees.error} />}
          <Form layout="inline" onFinish={() => void doAssign()}>
            <Form.Item label={t.employee}>
              <Select<string>
                value={employeeId}
                onChange={setEmployeeId}
                options={options}
                loading={employees.loading}
                placeholder={t.chooseEmployee}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 320 }}
                data-testid="assign-employee"
              />
            </Form.Item>
            <Form.Item label={t.validFrom}>
              <DateField value={validFrom} onChange={setValidFrom} testId="assign-from" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={assigning.loading}
              disabled={!employeeId || !validFrom}
              data-testid="assign-submit"
            >
              {t.assign}
            </Button>
          </Form>
          <div style={{ marginTop: 12 }}>
            <FormErrors errors={errors} />
          </div>
          {assigning.error && <ErrorDisplay error={assigning.error} />}
        </Card>
      )}
      {ending.error && <ErrorDisplay error={ending.error} />}
      <Table<Assignment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={assignments as Assignment[]}
        locale={{ emptyText: t.noAssignments }}
        data-testid="assignments-table"
        columns={[
          {
            title: t.employee,
            key: 'name',
            render: (_, a) => (
              <>
                {a.employee.name} {!a.employee.active && <Tag>{t.dismissed}</Tag>}
              </>
            ),
          },
          {
            title: t.department,
            key: 'department',
            render: (_, a) => a.employee.department ?? '—',
          },
          { title: t.validFrom, key: 'from', render: (_, a) => formatDay(a.validFrom, locale) },
          {
            title: t.validTo,
            key: 'to',
            render: (_, a) => (a.validTo ? formatDay(a.validTo, locale) : '—'),
          },
          ...(canEdit
            ? [
                {
                  key: 'end',
                  width: 140,
                  render: (_: unknown, a: Assignment) => (
                    <EndButton
                      from={a.validFrom}
                      onEnd={(day) => void doEnd(a, day)}
                      loading={ending.loading}
                      today={today}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

function EndButton({
  from,
  today,
  loading,
  onEnd,
}: {
  from: string;
  today: string;
  loading: boolean;
  onEnd: (day: string) => void;
}) {
  const t = useMessages(compensationMessages);
  const [day, setDay] = useState(today < from ? from : today);
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t.endTitle}
      content={
        <Flex gap="small">
          <DateField value={day} onChange={setDay} disabledDate={(d) => d < from} />
          <Button
            type="primary"
            danger
            disabled={!day}
            loading={loading}
            onClick={() => {
              setOpen(false);
              onEnd(day);
            }}
          >
            {t.endAssignment}
          </Button>
        </Flex>
      }
    >
      <Button size="small">{t.endAssignment}</Button>
    </Popover>
  );
}
