import { useMutation, useQuery } from '@apollo/client/react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { clientCompaniesQuery } from '../api/client-companies';
import { createClientCompanyMutation } from '../api/create-client-company';
import { currencyOptionsQuery } from '../api/currency-options';
import { DEFAULT_CURRENCY, DEFAULT_TIME_ZONE, timeZoneLabel } from '../lib/time-zones';
import { clientCompanyMessages, timeZoneMessages } from '../messages';

interface CreateValues {
  name: string;
  timeZone: string;
  currencyCode: string;
}

const FIELDS = ['name', 'timeZone', 'currencyCode'];

/** The owner creates a client company: name, time zone (Moscow by default), currency (RUB). */
export function CreateClientCompanyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: () => void;
}) {
  const t = useMessages(clientCompanyMessages);
  const zones = useMessages(timeZoneMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const currencies = useQuery(currencyOptionsQuery, { skip: !open });
  const [create, { loading, error, reset }] = useMutation(createClientCompanyMutation, {
    // Only a created company changes the list.
    refetchQueries: ({ data }) => (data?.createClientCompany.tenant ? [clientCompaniesQuery] : []),
  });

  const close = () => {
    setFormErrors([]);
    reset();
    onClose();
  };

  const submit = async ({ name, timeZone, currencyCode }: CreateValues) => {
    setFormErrors([]);
    const result = await create({
      variables: { input: { name: name.trim(), timeZone, currencyCode } },
    }).catch(() => undefined);
    const payload = result?.data?.createClientCompany;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      setFormErrors(applyUserErrors(form, payload.errors, FIELDS));
      return;
    }
    void message.success(interpolate(t.created, { name: payload.tenant?.name ?? name.trim() }));
    onCreated?.();
    close();
  };

  const currencyOptions = (currencies.data?.currencies ?? []).map((c) => ({
    value: c.code,
    label: `${c.code} — ${language === 'ru' ? c.nameRu : c.nameEn}`,
  }));

  return (
    <Modal
      open={open}
      title={t.createTitle}
      okText={t.createOk}
      cancelText={t.cancel}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ timeZone: DEFAULT_TIME_ZONE, currencyCode: DEFAULT_CURRENCY }}
        onFinish={(values) => void submit(values)}
        data-testid="create-client-form"
      >
        <Form.Item
          name="name"
          label={t.name}
          rules={[{ required: true, whitespace: true, message: t.nameRequired }]}
        >
          <Input autoFocus placeholder={t.namePlaceholder} data-testid="client-name" />
        </Form.Item>
        <Form.Item name="timeZone" label={t.timeZone} extra={t.timeZoneHint}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="client-time-zone"
            options={Object.keys(zones).map((zone) => ({
              value: zone,
              label: timeZoneLabel(zone, zones),
            }))}
          />
        </Form.Item>
        <Form.Item name="currencyCode" label={t.currency} extra={t.currencyHint}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={currencies.loading}
            data-testid="client-currency"
            options={
              currencyOptions.length > 0
                ? currencyOptions
                : [{ value: DEFAULT_CURRENCY, label: DEFAULT_CURRENCY }]
            }
          />
        </Form.Item>
        <FormErrors errors={formErrors} />
        {error && <ErrorDisplay error={error} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
