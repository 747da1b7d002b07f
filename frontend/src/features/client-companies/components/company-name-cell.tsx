import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApiErrorText } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors } from '@/shared/user-errors';
import { renameClientCompanyMutation } from '../api/rename-client-company';
import { clientCompanyMessages } from '../messages';

/**
 * A client company's name, renamed in place: the pencil turns it into a field (Enter saves, Esc
 * cancels). The new name reaches every screen through the normalised cache (Tenant:id), the
 * tenant switcher included.
 */
export function CompanyNameCell({ tenantId, name }: { tenantId: string; name: string }) {
  const t = useMessages(clientCompanyMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [form] = Form.useForm<{ name: string }>();
  const [editing, setEditing] = useState(false);
  const [rename, { loading }] = useMutation(renameClientCompanyMutation);

  const save = async ({ name: newName }: { name: string }) => {
    const trimmed = newName.trim();
    if (trimmed === name) {
      setEditing(false);
      return;
    }
    const result = await rename({ variables: { input: { tenantId, name: trimmed } } }).catch(
      (e: unknown) => {
        void message.error(errorText(e));
        return undefined;
      },
    );
    const payload = result?.data?.renameClientCompany;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      const rest = applyUserErrors(form, payload.errors, ['name']);
      if (rest.length > 0) {
        void message.error(rest.map((e) => e.message).join(' '));
      }
      return;
    }
    setEditing(false);
    void message.success(interpolate(t.renamed, { name: payload.tenant?.name ?? trimmed }));
  };

  if (!editing) {
    return (
      <Space size="small">
        <Typography.Text strong data-testid="company-name">
          {name}
        </Typography.Text>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={interpolate(t.rename, { name })}
          title={interpolate(t.rename, { name })}
          onClick={() => setEditing(true)}
          data-testid="rename-company"
        />
      </Space>
    );
  }

  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ name }}
      onFinish={(values) => void save(values)}
      onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
      style={{ flexWrap: 'nowrap' }}
    >
      <Form.Item
        name="name"
        rules={[{ required: true, whitespace: true, message: t.nameRequired }]}
        style={{ marginInlineEnd: 4 }}
      >
        <Input
          size="small"
          autoFocus
          aria-label={t.newName}
          data-testid="rename-input"
          style={{ minWidth: 220 }}
        />
      </Form.Item>
      <Space size={4}>
        <Button
          size="small"
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined />}
          loading={loading}
          aria-label={t.save}
          title={t.save}
          data-testid="rename-save"
        />
        <Button
          size="small"
          icon={<CloseOutlined />}
          aria-label={t.cancel}
          title={t.cancel}
          onClick={() => setEditing(false)}
        />
      </Space>
    </Form>
  );
}
