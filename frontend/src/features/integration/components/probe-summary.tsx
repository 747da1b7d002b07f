import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import type { TestPortalConnectionMutation } from '@/gql/graphql';
import { interpolate, useI18n, useMessages } from '@/shared/i18n';
import { formatCount } from '../lib/format';
import { integrationMessages } from '../messages';

export type PortalProbe = NonNullable<
  TestPortalConnectionMutation['testPortalConnection']['probe']
>;

/** What a connection test learned: the portal, who the webhook acts as, its scopes, deals seen. */
export function ProbeSummary({ probe }: { probe: PortalProbe }) {
  const t = useMessages(integrationMessages);
  const { locale } = useI18n();
  const granted = probe.scopes.filter((scope) => !probe.missingScopes.includes(scope));

  return (
    <Flex vertical gap="middle" data-testid="portal-probe">
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t.probeTitle}
        items={[
          {
            key: 'domain',
            label: t.portal,
            children: <span data-testid="probe-domain">{probe.domain}</span>,
          },
          {
            key: 'user',
            label: t.portalUser,
            children: (
              <Flex gap="small" align="center" wrap>
                <span data-testid="probe-user">{probe.userName ?? t.unknownUser}</span>
                <Tag color={probe.admin ? 'green' : 'orange'} data-testid="probe-admin">
                  {probe.admin ? t.admin : t.notAdmin}
                </Tag>
              </Flex>
            ),
          },
          {
            key: 'scopes',
            label: t.scopes,
            children: (
              <Flex gap={4} wrap>
                {granted.map((scope) => (
                  <Tag key={scope} data-testid="probe-scope">
                    {scope}
                  </Tag>
                ))}
                {probe.missingScopes.map((scope) => (
                  <Tag key={scope} color="warning" data-testid="probe-missing-scope">
                    {scope}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'deals',
            label: t.deals,
            children: <span data-testid="probe-deals">{formatCount(probe.deals, locale)}</span>,
          },
        ]}
      />
      {probe.missingScopes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="probe-missing-scopes"
          title={interpolate(t.missingScopes, { scopes: probe.missingScopes.join(', ') })}
        />
      )}
      {!probe.admin && <Typography.Text type="warning">{t.notAdminHint}</Typography.Text>}
    </Flex>
  );
}
