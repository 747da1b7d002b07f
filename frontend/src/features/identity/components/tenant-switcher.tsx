import { useApolloClient, useMutation } from '@apollo/client/react';
import { App, Select } from 'antd';
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useApiErrorText } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { switchTenantMutation } from '../api/switch-tenant';
import { resetSession } from '../lib/reset-session';
import { identityMessages } from '../messages';

export interface TenantOption {
  id: string;
  name: string;
}

/**
 * Switches the session to another tenant, then resets the Apollo store: nothing of the previous
 * tenant stays in the cache, and the queries on screen (the viewer, the current page) are fetched
 * again for the new one.
 */
export function useSwitchTenant() {
  const t = useMessages(identityMessages);
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const client = useApolloClient();
  const [switchTenant] = useMutation(switchTenantMutation);
  const [switching, setSwitching] = useState(false);

  const switchTo = useCallback(
    async (tenantId: string, { silent = false } = {}) => {
      setSwitching(true);
      try {
        const result = await switchTenant({ variables: { tenantId } }).catch((e: unknown) => {
          void message.error(errorText(e));
          return undefined;
        });
        const payload = result?.data?.switchTenant;
        if (!payload) {
          return false;
        }
        if (payload.errors.length > 0) {
          void message.error(payload.errors.map((e) => e.message).join(' '));
          return false;
        }
        await resetSession(client);
        const name = payload.viewer?.activeTenant?.name;
        if (!silent && name) {
          void message.success(interpolate(t.tenantSwitched, { name }));
        }
        return true;
      } finally {
        setSwitching(false);
      }
    },
    [client, errorText, message, switchTenant, t],
  );

  return { switchTo, switching };
}

/**
 * The client companies the viewer may work in; the current one is selected. With exactly one and
 * none chosen yet (`chooseSole`), it is chosen at once: there is nothing to ask.
 */
export function TenantSwitcher({
  tenants,
  activeTenantId,
  chooseSole = false,
  testId = 'tenant-switcher',
  style,
}: {
  tenants: readonly TenantOption[];
  activeTenantId: string | null | undefined;
  chooseSole?: boolean;
  testId?: string;
  style?: CSSProperties;
}) {
  const t = useMessages(identityMessages);
  const { switchTo, switching } = useSwitchTenant();
  const soleTried = useRef(false);
  const sole = tenants.length === 1 ? tenants[0] : undefined;

  useEffect(() => {
    if (chooseSole && sole && !activeTenantId && !soleTried.current) {
      soleTried.current = true;
      void switchTo(sole.id, { silent: true });
    }
  }, [activeTenantId, chooseSole, sole, switchTo]);

  return (
    <Select<string>
      aria-label={t.tenant}
      data-testid={testId}
      value={activeTenantId ?? null}
      placeholder={t.chooseTenant}
      status={activeTenantId ? undefined : 'warning'}
      options={tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))}
      onChange={(tenantId) => {
        if (tenantId !== activeTenantId) {
          void switchTo(tenantId);
        }
      }}
      loading={switching}
      disabled={switching}
      showSearch={tenants.length > 8 ? { optionFilterProp: 'label' } : false}
      popupMatchSelectWidth={false}
      style={{ minWidth: 240, ...style }}
    />
  );
}
