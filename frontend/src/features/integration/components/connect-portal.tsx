import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMessages } from '@/shared/i18n';
import { integrationMessages } from '../messages';
import { AppInstallForm } from './app-install-form';
import { WebhookWizard } from './webhook-wizard';

/** The way of connecting lives in the URL (`?via=app`), so a link can open the right tab. */
const VIA = 'via';
type Via = 'webhook' | 'app';

/** Connecting the tenant's portal: by an incoming webhook (a wizard) or as an installed application. */
export function ConnectPortal({ onConnected }: { onConnected: () => void }) {
  const t = useMessages(integrationMessages);
  const [searchParams, setSearchParams] = useSearchParams();
  const via: Via = searchParams.get(VIA) === 'app' ? 'app' : 'webhook';

  const choose = (next: string) => {
    setSearchParams(
      (params) => {
        if (next === 'app') {
          params.set(VIA, 'app');
        } else {
          params.delete(VIA);
        }
        return params;
      },
      { replace: true },
    );
  };

  return (
    <Card title={t.connectTitle} data-testid="connect-portal">
      <Typography.Paragraph type="secondary">{t.connectIntro}</Typography.Paragraph>
      <Tabs
        activeKey={via}
        onChange={choose}
        items={[
          {
            key: 'webhook',
            label: t.viaWebhook,
            children: <WebhookWizard onConnected={onConnected} />,
          },
          {
            key: 'app',
            label: t.viaApp,
            children: <AppInstallForm onInstalled={onConnected} />,
          },
        ]}
      />
    </Card>
  );
}
