import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { RegulationsQuery } from '@/gql/graphql';
import { DateField } from '@/shared/date-time';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { regulationsQuery } from '../api/regulations';
import { saveRegulationsDetailsMutation } from '../api/save-regulations-details';
import { isValidInn } from '../lib/inn';
import { refetchWhenAccepted } from '../lib/refetch';
import { regulationsMessages } from '../messages';

interface Values {
  companyName: string;
  inn: string;
  orderNumber: string;
  orderDate: string;
  city: string;
  approverTitle: string;
  approverName: string;
}

const FIELDS = [
  'companyName',
  'inn',
  'orderNumber',
  'orderDate',
  'city',
  'approverTitle',
  'approverName',
] as const;

/** A blank field is sent as null. */
const orNull = (value: string | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * The company details printed on the title page (`saveRegulationsDetails`): name (required), INN
 * (checked here as the server checks it: 10 or 12 digits with valid check digits), the approving
 * order's number and date, city, approver's position and name. The server's errors land under the
 * field their path names.
 */
export function DetailsForm({
  details,
  canEdit,
}: {
  details: RegulationsQuery['regulations']['details'];
  canEdit: boolean;
}) {
  const t = useMessages(regulationsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [save, { loading, error }] = useMutation(
    saveRegulationsDetailsMutation,
    refetchWhenAccepted(regulationsQuery),
  );

  const submit = async (values: Values) => {
    const { data } = await save({
      variables: {
        input: {
          companyName: values.companyName.trim(),
          inn: orNull(values.inn),
          orderNumber: orNull(values.orderNumber),
          orderDate: orNull(values.orderDate),
          city: orNull(values.city),
          approverTitle: orNull(values.approverTitle),
          approverName: orNull(values.approverName),
        },
      },
    });
    const payload = data?.saveRegulationsDetails;
    if (!payload?.details) {
      setErrors(applyUserErrors(form, payload?.errors ?? [], FIELDS));
      return;
    }
    setErrors([]);
    message.success(t.detailsSaved);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canEdit}
      style={{ maxWidth: 560 }}
      initialValues={{
        companyName: details.companyName,
        inn: details.inn ?? '',
        orderNumber: details.orderNumber ?? '',
        orderDate: details.orderDate ?? '',
        city: details.city ?? '',
        approverTitle: details.approverTitle ?? '',
        approverName: details.approverName ?? '',
      }}
      onFinish={(values) => void submit(values).catch(() => {})}
      data-testid="details-form"
    >
      <Form.Item
        name="companyName"
        label={t.companyName}
        rules={[{ required: true, whitespace: true, message: t.required }]}
      >
        <Input data-testid="details-company-name" />
      </Form.Item>
      <Form.Item
        name="inn"
        label={t.inn}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || isValidInn(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t.innInvalid)),
          },
        ]}
      >
        <Input inputMode="numeric" maxLength={12} data-testid="details-inn" />
      </Form.Item>
      <Form.Item name="orderNumber" label={t.orderNumber}>
        <Input data-testid="details-order-number" />
      </Form.Item>
      <Form.Item name="orderDate" label={t.orderDate}>
        <DateField testId="details-order-date" />
      </Form.Item>
      <Form.Item name="city" label={t.city}>
        <Input data-testid="details-city" />
      </Form.Item>
      <Form.Item name="approverTitle" label={t.approverTitle}>
        <Input data-testid="details-approver-title" />
      </Form.Item>
      <Form.Item name="approverName" label={t.approverName}>
        <Input data-testid="details-approver-name" />
      </Form.Item>
      <FormErrors errors={errors} />
      {error && <ErrorDisplay error={error} />}
      {canEdit && (
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={loading}
          data-testid="details-save"
        >
          {t.save}
        </Button>
      )}
    </Form>
  );
}
