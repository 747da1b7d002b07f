import { LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Button, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { absoluteUrl } from '@/shared/url';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { startPortalInstallMutation } from '../api/start-portal-install';
import { integrationMessages } from '../messages';
import { DEFAULT_NPS_FIELD, npsFieldFor } from './pipeline-fields';

interface AppValues {
  clientId: string;
  clientSecret: string;
  npsField: string;
}

const FIELDS = ['clientId', 'clientSecret', 'npsField'];

/**
 * Installs Premia as a local Bitrix24 application: the client id and secret of the application
 * registered in the portal go to the server, which answers with a one-time install URL to enter in
 * the portal. The portal then calls Premia, and the connection appears ("refresh").
 */
export function AppInstallForm({ onInstalled }: { onInstalled: () => void }) {
  const t = useMessages(integrationMessages);
  const [form] = Form.useForm<AppValues>();
  const [start, { loading, error }] = useMutation(startPortalInstallMutation);
  const [formErrors, setFormErrors] = useState<UserErrorLike[]>([]);
  const [installUrl, setInstallUrl] = useState<string>();

  const submit = async ({ clientId, clientSecret, npsField }: AppValues) => {
    setFormErrors([]);
    const result = await start({
      variables: {
        input: {
          clientId: clientId.trim(),
          clientSecret: clientSecret.trim(),
          npsField: npsFieldFor(npsField),
        },
      },
    }).catch(() => undefined);
    const payload = result?.data?.startPortalInstall;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0 || !payload.installUrl) {
      setFormErrors(applyUserErrors(form, payload.errors, FIELDS));
      return;
    }
    setInstallUrl(absoluteUrl(payload.installUrl));
  };

  if (installUrl) {
    return (
      <Result
        status="success"
        title={t.installUrlTitle}
        subTitle={t.installUrlText}
        style={{ paddingBlock: 8 }}
        extra={
          <Button icon={<ReloadOutlined />} onClick={onInstalled} data-testid="app-installed">
            {t.installed}
          </Button>
        }
      >
        <Typography.Paragraph
          copyable={{ text: installUrl, tooltips: [t.copyUrl, t.urlCopied] }}
          style={{ wordBreak: 'break-all', marginBottom: 0 }}
        >
          <Typography.Text code data-testid="install-url">
            {installUrl}
          </Typography.Text>
        </Typography.Paragraph>
      </Result>
    );
  }

  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t.appIntro}
      </Typography.Paragraph>
      <Form<AppValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ npsField: DEFAULT_NPS_FIELD }}
        onFinish={(values) => void submit(values)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="clientId"
          label={t.clientId}
          rules={[{ required: true, whitespace: true, message: t.clientIdRequired }]}
        >
          <Input autoComplete="off" spellCheck={false} data-testid="app-client-id" />
        </Form.Item>
        <Form.Item
          name="clientSecret"
          label={t.clientSecret}
          rules={[{ required: true, whitespace: true, message: t.clientSecretRequired }]}
        >
          <Input.Password autoComplete="new-password" data-testid="app-client-secret" />
        </Form.Item>
        <Form.Item name="npsField" label={t.npsField} extra={t.npsFieldHint}>
          <Input autoComplete="off" placeholder={DEFAULT_NPS_FIELD} />
        </Form.Item>
        <FormErrors errors={formErrors} />
        {error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorDisplay error={error} />
          </div>
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<LinkOutlined />}
          loading={loading}
          data-testid="app-install-submit"
        >
          {t.getInstallUrl}
        </Button>
      </Form>
    </Flex>
  );
}
