import { useMutation } from '@apollo/client/react';
import { App, Select, Tag, Typography } from 'antd';
import { useApiErrorText } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { assignConsultantMutation } from '../api/assign-consultant';
import { unassignConsultantMutation } from '../api/unassign-consultant';
import { clientCompanyMessages } from '../messages';

export interface Consultant {
  id: string;
  email: string;
  displayName: string;
}

const nameOf = (c: Consultant) => c.displayName || c.email;

/** The consultants of a client company, as tags. */
export function ConsultantTags({ consultants }: { consultants: readonly Consultant[] }) {
  const t = useMessages(clientCompanyMessages);
  if (consultants.length === 0) {
    return <Typography.Text type="secondary">{t.noConsultants}</Typography.Text>;
  }
  return (
    <span data-testid="consultant-tags">
      {consultants.map((c) => (
        <Tag key={c.id} title={c.email}>
          {nameOf(c)}
        </Tag>
      ))}
    </span>
  );
}

/**
 * For the consultancy's owner: assigns a consultant by selecting him and unassigns him by removing
 * his tag; each is one mutation, and the row follows the returned tenant.
 */
export function ConsultantsEditor({
  tenantId,
  company,
  assigned,
  consultants,
  loadingConsultants,
}: {
  tenantId: string;
  company: string;
  assigned: readonly Consultant[];
  consultants: readonly Consultant[];
  loadingConsultants: boolean;
}) {
  const t = useMessages(clientCompanyMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [assign, assigning] = useMutation(assignConsultantMutation);
  const [unassign, unassigning] = useMutation(unassignConsultantMutation);
  const busy = assigning.loading || unassigning.loading;

  // Everyone assigned is an option, even if the list of consultants has not arrived (yet).
  const options = [
    ...consultants,
    ...assigned.filter((a) => !consultants.some((c) => c.id === a.id)),
  ];

  const run = async (consultantId: string, adding: boolean) => {
    const consultant = options.find((c) => c.id === consultantId);
    const variables = { input: { tenantId, consultantId } };
    const fail = (e: unknown) => {
      void message.error(errorText(e));
      return undefined;
    };
    const result = adding
      ? (await assign({ variables }).catch(fail))?.data?.assignConsultant
      : (await unassign({ variables }).catch(fail))?.data?.unassignConsultant;
    if (!result) {
      return;
    }
    if (result.errors.length > 0) {
      void message.error(result.errors.map((e) => e.message).join(' '));
      return;
    }
    const values = { consultant: consultant ? nameOf(consultant) : consultantId, company };
    void message.success(
      interpolate(adding ? t.consultantAssigned : t.consultantUnassigned, values),
    );
  };

  return (
    <Select<string[]>
      mode="multiple"
      size="small"
      aria-label={interpolate(t.assignConsultants, { company })}
      data-testid="consultants-select"
      placeholder={t.assignPlaceholder}
      value={assigned.map((c) => c.id)}
      options={options.map((c) => ({ value: c.id, label: nameOf(c), title: c.email }))}
      loading={busy || loadingConsultants}
      disabled={busy}
      onSelect={(id: string) => void run(id, true)}
      onDeselect={(id: string) => void run(id, false)}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 240 }}
    />
  );
}
