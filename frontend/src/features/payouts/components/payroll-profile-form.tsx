import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { payrollProfilesQuery } from '../api/payroll-profiles';
import { setPayrollProfileMutation } from '../api/set-payroll-profile';
import { payoutMessages } from '../messages';

interface Values {
  personnelNumber: string;
  organisation: string;
}

const FIELDS = ['personnelNumber', 'organisation'] as const;

/** A blank field clears the value on the server. */
const orNull = (value: string | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * One employee's personnel number and organisation, edited in place: «Сохранить» →
 * `setPayrollProfile`; the server's errors (DUPLICATE, INVALID) land under the field they name,
 * the rest below the row. The saved values are written into the cached list, so the row shows them
 * after a search too.
 */
export function PayrollProfileForm({
  employeeId,
  employeeName,
  personnelNumber,
  organisation,
}: {
  employeeId: string;
  employeeName: string;
  personnelNumber: string | null;
  organisation: string | null;
}) {
  const t = useMessages(payoutMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [save, { loading, error }] = useMutation(setPayrollProfileMutation);
  const submit = async (values: Values) => {
    const { data } = await save({
      variables: {
        input: {
          employeeId,
          personnelNumber: orNull(values.personnelNumber),
          organisation: orNull(values.organisation),
        },
      },
      update: (cache, { data: answer }) => {
        const saved = answer?.setPayrollProfile.profile;
        if (!saved) {
          return;
        }
        cache.updateQuery({ query: payrollProfilesQuery }, (list) =>
          list
            ? {
                ...list,
                payrollProfiles: list.payrollProfiles.map((p) =>
                  p.employee.id === employeeId
                    ? {
                        ...p,
                        personnelNumber: saved.personnelNumber,
                        organisation: saved.organisation,
                      }
                    : p,
                ),
              }
            : list,
        );
      },
    });
    const payload = data?.setPayrollProfile;
    if (!payload?.profile) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], FIELDS));
      return;
    }
    setErrors([]);
    form.setFieldsValue({
      personnelNumber: payload.profile.personnelNumber ?? '',
      organisation: payload.profile.organisation ?? '',
    });
    message.success(interpolate(t.profileSaved, { name: employeeName }));
  };
  return (
    <>
      <Form
        form={form}
        layout="inline"
        initialValues={{
          personnelNumber: personnelNumber ?? '',
          organisation: organisation ?? '',
        }}
        onFinish={(values) => void submit(values).catch(() => {})}
        data-testid="profile-form"
      >
        <Form.Item name="personnelNumber" style={{ marginBottom: 8 }}>
          <Input
            placeholder={t.personnelNumber}
            aria-label={t.personnelNumber}
            style={{ width: 140 }}
            data-testid="profile-number"
          />
        </Form.Item>
        <Form.Item name="organisation" style={{ marginBottom: 8 }}>
          <Input
            placeholder={t.organisation}
            aria-label={t.organisation}
            style={{ width: 220 }}
            data-testid="profile-organisation"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={loading}
            data-testid="profile-save"
          >
            {t.save}
          </Button>
        </Form.Item>
      </Form>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
    </>
  );
}
