import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CrmEntity, SyncMode, SyncPhase } from '@/gql/graphql';
import { renderWithProviders } from '@/test/render';
import { configurePortalMutation } from '../api/configure-portal';
import { connectPortalMutation } from '../api/connect-portal';
import { disconnectPortalMutation } from '../api/disconnect-portal';
import { portalConnectionQuery } from '../api/portal-connection';
import { portalSyncQuery } from '../api/portal-sync';
import { quarantinedRowsQuery } from '../api/quarantined-rows';
import { startPortalInstallMutation } from '../api/start-portal-install';
import { syncPortalMutation } from '../api/sync-portal';
import { testPortalConnectionMutation } from '../api/test-portal-connection';
import { IntegrationPage } from './integration-page';

// ---- fixtures in the shape of the schema (crm.graphqls) ----

const WEBHOOK = 'https://gamma.bitrix24.ru/rest/1/8g9l071eismy9q2l/';

const pipelines = [
  { __typename: 'Pipeline' as const, id: 0, name: 'Общая', selected: true },
  { __typename: 'Pipeline' as const, id: 4, name: 'Сервисные контракты', selected: true },
  { __typename: 'Pipeline' as const, id: 7, name: 'Тендеры', selected: true },
];

function entitySync(
  entity: CrmEntity,
  phase: SyncPhase,
  overrides: Partial<Record<string, unknown>> = {},
) {
  return {
    __typename: 'EntitySync' as const,
    entity,
    phase,
    mode: 'FULL' as SyncMode,
    fetched: 0,
    total: null as number | null,
    percent: null as number | null,
    quarantined: 0,
    deleted: 0,
    rowsPerSecond: null as number | null,
    throttledMs: 0,
    etaSeconds: null as number | null,
    startedAt: null as string | null,
    updatedAt: '2026-11-27T09:31:00Z',
    finishedAt: null as string | null,
    lastError: null as string | null,
    ...overrides,
  };
}

type Entity = ReturnType<typeof entitySync>;

function syncStatus(
  running: SyncMode | null,
  entities: Entity[],
  { fetched, total, percent }: { fetched: number; total: number | null; percent: number },
) {
  return { __typename: 'SyncStatus' as const, running, fetched, total, percent, entities };
}

const done = (entity: CrmEntity, rows: number) =>
  entitySync(entity, 'DONE', {
    fetched: rows,
    total: rows,
    percent: 100,
    startedAt: '2026-11-27T09:30:00Z',
    finishedAt: '2026-11-27T09:32:00Z',
  });

/** A first full sync under way: reference data copied, deals running, leads waiting. */
const runningSync = syncStatus(
  'FULL',
  [
    done('CURRENCY', 3),
    done('PIPELINE', 3),
    entitySync('DEAL', 'RUNNING', {
      fetched: 1234567,
      total: 2000000,
      percent: 61,
      rowsPerSecond: 12.5,
      throttledMs: 65_000,
      etaSeconds: 3725,
      quarantined: 2,
      startedAt: '2026-11-27T09:30:00Z',
    }),
    entitySync('LEAD', 'PENDING'),
  ],
  { fetched: 1234573, total: null, percent: 40 },
);

const finishedSync = syncStatus(
  null,
  [done('CURRENCY', 3), done('PIPELINE', 3), done('DEAL', 2000000), done('LEAD', 15000)],
  { fetched: 2015006, total: 2015006, percent: 100 },
);

function connection(sync: ReturnType<typeof syncStatus>, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'PortalConnection' as const,
    mode: 'WEBHOOK',
    status: 'CONNECTED',
    domain: 'gamma.bitrix24.ru',
    memberId: null,
    enterprise: false,
    npsField: 'UF_CRM_NPS',
    pipelines,
    connectedAt: '2026-11-27T09:30:00Z',
    lastError: null,
    sync,
    ...overrides,
  };
}

type Connection = ReturnType<typeof connection>;

const portalConnection = (value: Connection | null): MockedResponse => ({
  request: { query: portalConnectionQuery },
  result: { data: { portalConnection: value } },
});

/** What the progress view polls; answered the same way however often it asks. */
const portalSync = (value: Connection | null, times = 30): MockedResponse => ({
  request: { query: portalSyncQuery },
  result: {
    data: {
      portalConnection: value && {
        __typename: 'PortalConnection',
        status: value.status,
        lastError: value.lastError,
        sync: value.sync,
      },
    },
  },
  maxUsageCount: times,
});

const quarantine = (
  rows: { entity: CrmEntity; rawId: string; reason: string; occurrences: number }[] = [],
): MockedResponse => ({
  request: { query: quarantinedRowsQuery, variables: { first: 50 } },
  result: {
    data: {
      quarantinedRows: rows.map((r) => ({
        __typename: 'QuarantinedRow',
        rawExcerpt: null,
        firstSeenAt: '2026-11-27T09:31:00Z',
        lastSeenAt: '2026-11-27T09:31:30Z',
        ...r,
      })),
    },
  },
  maxUsageCount: 5,
});

const userError = (field: string[], code: string, message: string) => ({
  __typename: 'UserError' as const,
  field,
  code,
  message,
});

const probe = {
  __typename: 'PortalProbe' as const,
  domain: 'gamma.bitrix24.ru',
  userName: 'Галина Гаммова',
  admin: true,
  scopes: ['crm', 'user'],
  missingScopes: ['department'],
  pipelines: pipelines.map((p) => ({ ...p, selected: false })),
  deals: 1234567,
};

const testConnection = (
  answer: { probe: typeof probe | null; errors: ReturnType<typeof userError>[] },
  webhookUrl = WEBHOOK,
): MockedResponse => ({
  request: { query: testPortalConnectionMutation, variables: { input: { webhookUrl } } },
  result: {
    data: { testPortalConnection: { __typename: 'TestPortalConnectionPayload', ...answer } },
  },
});

const connectionPayload = (field: string, value: Connection | null, errors = []) => ({
  data: { [field]: { __typename: 'PortalConnectionPayload', portalConnection: value, errors } },
});

function renderPage(mocks: MockedResponse[], canManage = true, language?: 'en') {
  return renderWithProviders(<IntegrationPage canManage={canManage} />, {
    route: '/integration',
    mocks,
    ...(language ? { language } : {}),
  });
}

/** Normalises U+00A0 and U+202F (Intl's spaces) so expectations can be typed with plain spaces. */
const text = (element: Element | null) => element?.textContent?.replace(/\s/gu, ' ');
const entityRow = (entity: CrmEntity) =>
  document.querySelector<HTMLElement>(`tr[data-row-key="${entity}"]`)!;

// ---- the wizard ----

describe('IntegrationPage: connecting a portal', () => {
  it('tests the webhook, shows what the portal answered, keeps all pipelines and starts the sync', async () => {
    const connected = connection(runningSync);
    renderPage([
      portalConnection(null),
      testConnection({ probe, errors: [] }),
      {
        request: {
          query: connectPortalMutation,
          variables: { input: { webhookUrl: WEBHOOK, pipelineIds: [], npsField: 'UF_CRM_NPS' } },
        },
        result: connectionPayload('connectPortal', connected),
      },
      portalConnection(connected),
      portalSync(connected),
      quarantine(),
    ]);

    expect(await screen.findByRole('heading', { name: 'Битрикс24' })).toBeTruthy();
    // the heading shows at once; the wizard only once the (absent) connection has loaded
    expect(await screen.findByRole('tab', { name: 'Входящий вебхук' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Установить как приложение' })).toBeTruthy();
    expect(screen.getByText(/Приложения → Разработчикам → Другое → Входящий вебхук/)).toBeTruthy();

    // Step 1: the URL, tested.
    fireEvent.change(screen.getByTestId('portal-webhook-url'), { target: { value: WEBHOOK } });
    fireEvent.click(screen.getByTestId('portal-test'));

    // Step 2: what the portal answered.
    const step = await screen.findByTestId('wizard-step-probe');
    await waitFor(() => expect(step.hidden).toBe(false));
    expect(within(step).getByTestId('probe-domain').textContent).toBe('gamma.bitrix24.ru');
    expect(within(step).getByTestId('probe-user').textContent).toBe('Галина Гаммова');
    expect(within(step).getByTestId('probe-admin').textContent).toBe('администратор');
    expect(
      within(step)
        .getAllByTestId('probe-scope')
        .map((e) => e.textContent),
    ).toEqual(['crm', 'user']);
    expect(within(step).getByTestId('probe-missing-scope').textContent).toBe('department');
    expect(within(step).getByTestId('probe-missing-scope').className).toMatch(/warning/);
    expect(text(within(step).getByTestId('probe-deals'))).toBe('1 234 567');
    const boxes = within(step).getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map((b) => b.closest('label')?.textContent)).toEqual([
      'Общая',
      'Сервисные контракты',
      'Тендеры',
    ]);
    expect(boxes.every((b) => b.checked)).toBe(true); // all by default
    expect(within(step).getByTestId<HTMLInputElement>('portal-nps-field').value).toBe('UF_CRM_NPS');
    fireEvent.click(within(step).getByTestId('portal-next'));

    // Step 3: start.
    const last = screen.getByTestId('wizard-step-sync');
    await waitFor(() => expect(last.hidden).toBe(false));
    expect(within(last).getByTestId('chosen-pipelines').textContent).toBe('все');
    fireEvent.click(within(last).getByTestId('portal-connect'));

    // The progress view follows.
    expect(
      await screen.findByText('Портал gamma.bitrix24.ru подключён, синхронизация началась'),
    ).toBeTruthy();
    expect((await screen.findByTestId('connection-domain')).textContent).toBe('gamma.bitrix24.ru');
    expect(screen.getByTestId('sync-progress-total')).toBeTruthy();
    expect(screen.queryByTestId('connect-portal')).toBeNull();
  });

  it('sends only the pipelines left ticked, and a blank NPS field as the server default', async () => {
    const connected = connection(runningSync);
    renderPage([
      portalConnection(null),
      testConnection({ probe, errors: [] }),
      {
        request: {
          query: connectPortalMutation,
          variables: { input: { webhookUrl: WEBHOOK, pipelineIds: [0, 7] } },
        },
        result: connectionPayload('connectPortal', connected),
      },
      portalConnection(connected),
      portalSync(connected),
      quarantine(),
    ]);
    fireEvent.change(await screen.findByTestId('portal-webhook-url'), {
      target: { value: `  ${WEBHOOK} ` },
    });
    fireEvent.click(screen.getByTestId('portal-test'));
    const step = await screen.findByTestId('wizard-step-probe');
    await waitFor(() => expect(step.hidden).toBe(false));
    fireEvent.click(within(step).getByRole('checkbox', { name: 'Сервисные контракты' }));
    fireEvent.change(within(step).getByTestId('portal-nps-field'), { target: { value: ' ' } });
    fireEvent.click(within(step).getByTestId('portal-next'));

    const last = screen.getByTestId('wizard-step-sync');
    await waitFor(() => expect(last.hidden).toBe(false));
    expect(within(last).getByTestId('chosen-pipelines').textContent).toBe('Общая, Тендеры');
    fireEvent.click(within(last).getByTestId('portal-connect'));
    expect((await screen.findByTestId('connection-domain')).textContent).toBe('gamma.bitrix24.ru');
  });

  it('refuses to go on with no pipeline ticked', async () => {
    renderPage([portalConnection(null), testConnection({ probe, errors: [] })]);
    fireEvent.change(await screen.findByTestId('portal-webhook-url'), {
      target: { value: WEBHOOK },
    });
    fireEvent.click(screen.getByTestId('portal-test'));
    const step = await screen.findByTestId('wizard-step-probe');
    await waitFor(() => expect(step.hidden).toBe(false));
    for (const box of within(step).getAllByRole('checkbox')) {
      fireEvent.click(box);
    }
    fireEvent.click(within(step).getByTestId('portal-next'));
    expect(await within(step).findByText('Отметьте хотя бы одну воронку')).toBeTruthy();
    expect(screen.getByTestId('wizard-step-sync').hidden).toBe(true);
  });

  it('shows a business error of the connection test under the URL', async () => {
    const bad = 'https://gamma.bitrix24.ru/rest/1/wrong/';
    renderPage([
      portalConnection(null),
      testConnection(
        {
          probe: null,
          errors: [
            userError(
              ['input', 'webhookUrl'],
              'INVALID',
              'Портал не принял этот вебхук: проверьте адрес',
            ),
          ],
        },
        bad,
      ),
    ]);
    fireEvent.change(await screen.findByTestId('portal-webhook-url'), { target: { value: bad } });
    fireEvent.click(screen.getByTestId('portal-test'));

    const message = await screen.findByText('Портал не принял этот вебхук: проверьте адрес');
    expect(
      message.closest('.ant-form-item')?.querySelector('[data-testid="portal-webhook-url"]'),
    ).toBeTruthy();
    expect(screen.getByTestId('wizard-step-probe').hidden).toBe(true);
    expect(screen.queryByTestId('form-errors')).toBeNull();
  });

  it('checks the URL before asking the server', async () => {
    renderPage([portalConnection(null)]);
    fireEvent.click(await screen.findByTestId('portal-test'));
    expect(await screen.findByText('Вставьте адрес вебхука')).toBeTruthy();
    fireEvent.change(screen.getByTestId('portal-webhook-url'), {
      target: { value: 'gamma.bitrix24.ru/rest/1/abc' },
    });
    expect(
      await screen.findByText('Это не похоже на адрес: он начинается с https://'),
    ).toBeTruthy();
  });

  it('installs as an application: shows the one-time install URL to copy', async () => {
    renderPage([
      portalConnection(null),
      {
        request: {
          query: startPortalInstallMutation,
          variables: {
            input: { clientId: 'local.abc123', clientSecret: 's3cret', npsField: 'UF_CRM_NPS' },
          },
        },
        result: {
          data: {
            startPortalInstall: {
              __typename: 'PortalInstallPayload',
              installUrl: 'https://premia.example/bitrix24/install/one-time-token',
              errors: [],
            },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('tab', { name: 'Установить как приложение' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/integration?via=app'),
    );
    fireEvent.change(await screen.findByTestId('app-client-id'), {
      target: { value: 'local.abc123' },
    });
    fireEvent.change(screen.getByTestId('app-client-secret'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('app-install-submit'));

    expect((await screen.findByTestId('install-url')).textContent).toBe(
      'https://premia.example/bitrix24/install/one-time-token',
    );
    expect(screen.getByRole('button', { name: /Копировать адрес|copy/i })).toBeTruthy();
    expect(screen.getByText('Адрес установки готов')).toBeTruthy();
  });
});

// ---- progress ----

describe('IntegrationPage: sync progress', () => {
  it('shows the whole pass and each entity with bars, counts, rate, waiting and time left', async () => {
    const connected = connection(runningSync);
    renderPage([
      portalConnection(connected),
      portalSync(connected),
      quarantine([
        { entity: 'DEAL', rawId: '4711', reason: 'Сумма не число: "12,5 тыс."', occurrences: 3 },
        { entity: 'CONTACT', rawId: 'abc', reason: 'ID не число', occurrences: 1 },
      ]),
    ]);

    const total = await screen.findByTestId('sync-progress-total');
    expect(total.getAttribute('aria-valuenow')).toBe('40');
    expect(text(total)).toBe('40 %');
    expect(total.className).toMatch(/status-active/);
    expect(screen.getByTestId('sync-running').textContent).toBe('Идёт: полная синхронизация');
    expect(text(screen.getByTestId('sync-fetched'))).toBe('Загружено 1 234 573 строк');
    expect(screen.queryByTestId('sync-done')).toBeNull();

    const deals = within(entityRow('DEAL'));
    expect(deals.getByTestId('entity-name').textContent).toBe('Сделки');
    expect(deals.getByTestId('entity-phase').textContent).toBe('Загружается');
    expect(deals.getByTestId('entity-progress').getAttribute('aria-valuenow')).toBe('61');
    expect(text(deals.getByTestId('entity-fetched'))).toBe('1 234 567 / 2 000 000');
    expect(text(deals.getByTestId('entity-rate'))).toBe('12,5 строк/с');
    expect(text(deals.getByTestId('entity-throttled'))).toBe('1 мин 5 с');
    expect(text(deals.getByTestId('entity-eta'))).toBe('1 ч 2 мин');
    expect(deals.getByTestId('entity-quarantined').textContent).toBe('2');

    const leads = within(entityRow('LEAD'));
    expect(leads.getByTestId('entity-name').textContent).toBe('Лиды');
    expect(leads.getByTestId('entity-phase').textContent).toBe('В очереди');
    expect(text(leads.getByTestId('entity-fetched'))).toBe('0 / —');
    expect(within(entityRow('CURRENCY')).getByTestId('entity-name').textContent).toBe('Валюты');
    expect(within(entityRow('PIPELINE')).getByTestId('entity-phase').textContent).toBe('Готово');

    // The quarantine, with its count.
    const quarantined = await screen.findByTestId('quarantine');
    await waitFor(() =>
      expect(within(quarantined).getByTestId('quarantine-count').textContent).toBe('2'),
    );
    expect(
      within(quarantined)
        .getAllByTestId('quarantine-raw-id')
        .map((e) => e.textContent),
    ).toEqual(['4711', 'abc']);
    expect(within(quarantined).getAllByTestId('quarantine-entity')[1]!.textContent).toBe(
      'Контакты',
    );
    expect(within(quarantined).getByText('Сумма не число: "12,5 тыс."')).toBeTruthy();
  });

  it('polls while the pass runs and says when it is done', async () => {
    const running = connection(runningSync);
    renderPage([portalConnection(running), portalSync(connection(finishedSync)), quarantine()]);
    expect(await screen.findByTestId('sync-running')).toBeTruthy();

    // A poll a second later brings the finished pass.
    const doneAlert = await screen.findByTestId('sync-done');
    expect(doneAlert.textContent).toContain('Синхронизация завершена');
    const total = screen.getByTestId('sync-progress-total');
    expect(total.getAttribute('aria-valuenow')).toBe('100');
    expect(text(total)).toBe('100 %');
    expect(total.className).toMatch(/status-success/);
    expect(screen.queryByTestId('sync-running')).toBeNull();
    expect(text(screen.getByTestId('sync-fetched'))).toBe('Загружено 2 015 006 из 2 015 006 строк');
    expect(within(entityRow('DEAL')).getByTestId('entity-phase').textContent).toBe('Готово');
  });

  it('says so when a pass finished with an entity failed', async () => {
    const failed = connection(
      syncStatus(
        null,
        [
          done('CURRENCY', 3),
          entitySync('DEAL', 'FAILED', {
            fetched: 100,
            total: 2000,
            percent: 5,
            lastError: 'Портал ответил 500',
          }),
        ],
        { fetched: 103, total: 2003, percent: 5 },
      ),
      { lastError: 'Портал ответил 500' },
    );
    renderPage([portalConnection(failed), quarantine()]);
    expect((await screen.findByTestId('sync-failed')).textContent).toContain(
      'Синхронизация завершилась с ошибками',
    );
    expect(screen.queryByTestId('sync-done')).toBeNull();
    expect(screen.getByTestId('sync-progress-total').className).toMatch(/status-exception/);
    expect(within(entityRow('DEAL')).getByTestId('entity-error').textContent).toBe(
      'Портал ответил 500',
    );
    expect(screen.getByTestId('connection-last-error').textContent).toBe('Портал ответил 500');
  });

  it('speaks English', async () => {
    const connected = connection(runningSync);
    renderPage([portalConnection(connected), portalSync(connected), quarantine()], true, 'en');
    const deals = within(await screen.findByTestId('sync-progress')).getAllByTestId('entity-name');
    expect(deals.map((e) => e.textContent)).toEqual(['Currencies', 'Pipelines', 'Deals', 'Leads']);
    expect(text(within(entityRow('DEAL')).getByTestId('entity-fetched'))).toBe(
      '1,234,567 / 2,000,000',
    );
    expect(text(within(entityRow('DEAL')).getByTestId('entity-rate'))).toBe('12.5 rows/s');
    expect(screen.getByTestId('sync-running').textContent).toBe('Running: full sync');
    expect(screen.getByRole('button', { name: /Full sync/ })).toBeTruthy();
  });
});

// ---- the connected portal: actions, read-only ----

describe('IntegrationPage: a connected portal', () => {
  const idle = connection(finishedSync, { memberId: 'a1b2c3', mode: 'APP', enterprise: true });

  it('shows the connection and offers its actions to whoever may manage it', async () => {
    renderPage([portalConnection(idle), quarantine()]);
    expect((await screen.findByTestId('connection-domain')).textContent).toBe('gamma.bitrix24.ru');
    expect(screen.getByTestId('connection-mode').textContent).toBe('Приложение Битрикс24');
    expect(screen.getByTestId('connection-status').textContent).toBe('Подключён');
    expect(screen.getByTestId('connection-status').className).toMatch(/green/);
    expect(screen.getByTestId('connection-member-id').textContent).toBe('a1b2c3');
    expect(screen.getByTestId('connection-pipelines').textContent).toBe('все');
    for (const id of ['sync-incremental', 'sync-full', 'sync-reconcile', 'configure-portal']) {
      expect(screen.getByTestId(id)).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: /Синхронизировать/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Сверка/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Отключить/ })).toBeTruthy();
    expect(screen.getByTestId('sync-done')).toBeTruthy();
  });

  it('starts a full sync and says which', async () => {
    const started = connection(
      syncStatus('FULL', finishedSync.entities, { fetched: 0, total: null, percent: 0 }),
    );
    renderPage([
      portalConnection(idle),
      quarantine(),
      {
        request: { query: syncPortalMutation, variables: { input: { mode: 'FULL' } } },
        result: connectionPayload('syncPortal', started),
      },
      portalSync(started),
    ]);
    fireEvent.click(await screen.findByTestId('sync-full'));
    expect(await screen.findByText('Запущено: полная синхронизация')).toBeTruthy();
    // The payload reaches the page through the cache: the pass runs, no second one can start.
    expect((await screen.findByTestId('sync-running')).textContent).toBe(
      'Идёт: полная синхронизация',
    );
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('sync-incremental').disabled).toBe(true),
    );
  });

  it('changes the synced pipelines', async () => {
    const configured = connection(finishedSync, {
      pipelines: pipelines.map((p) => ({ ...p, selected: p.id !== 4 })),
    });
    renderPage([
      portalConnection(idle),
      quarantine(),
      {
        request: {
          query: configurePortalMutation,
          variables: { input: { pipelineIds: [0, 7], npsField: 'UF_CRM_NPS' } },
        },
        result: connectionPayload('configurePortal', configured),
      },
    ]);
    fireEvent.click(await screen.findByTestId('configure-portal'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Сервисные контракты' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Воронки сохранены: Общая, Тендеры')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('connection-pipelines').textContent).toBe('Общая, Тендеры'),
    );
  });

  it('disconnects after a confirmation and offers to connect again', async () => {
    const disconnected = connection(finishedSync, { status: 'DISCONNECTED' });
    renderPage([
      portalConnection(idle),
      quarantine(),
      {
        request: { query: disconnectPortalMutation },
        result: connectionPayload('disconnectPortal', disconnected),
      },
      portalConnection(disconnected),
    ]);
    fireEvent.click(await screen.findByTestId('disconnect-portal'));
    expect(await screen.findByText('Отключить портал gamma.bitrix24.ru?')).toBeTruthy();
    const popconfirm = document.querySelector<HTMLElement>('.ant-popconfirm')!;
    fireEvent.click(within(popconfirm).getByRole('button', { name: 'Отключить' }));

    expect(await screen.findByText('Портал gamma.bitrix24.ru отключён')).toBeTruthy();
    expect(await screen.findByTestId('portal-disconnected')).toBeTruthy();
    expect(screen.getByTestId('connect-portal')).toBeTruthy();
  });

  it('asks to connect again when the portal refused the stored credentials', async () => {
    renderPage([
      portalConnection(connection(finishedSync, { status: 'NEEDS_REAUTH' })),
      quarantine(),
    ]);
    expect(await screen.findByTestId('needs-reauth')).toBeTruthy();
    expect(screen.getByTestId('connection-status').textContent).toBe('Нужно подключить заново');
    fireEvent.click(screen.getByTestId('reconnect-portal'));
    expect(await screen.findByTestId('connect-portal')).toBeTruthy();
  });

  it('shows an accountant the connection and progress read-only', async () => {
    const connected = connection(runningSync);
    renderPage([portalConnection(connected), portalSync(connected), quarantine()], false);
    expect((await screen.findByTestId('connection-domain')).textContent).toBe('gamma.bitrix24.ru');
    expect(screen.getByTestId('sync-progress-total')).toBeTruthy();
    expect(screen.getByTestId('quarantine')).toBeTruthy();
    for (const id of [
      'sync-incremental',
      'sync-full',
      'sync-reconcile',
      'configure-portal',
      'disconnect-portal',
    ]) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(screen.queryAllByRole('button', { name: /Синхронизировать|Отключить|Сверка/ })).toEqual(
      [],
    );
  });

  it('tells an accountant that no portal is connected, with no wizard', async () => {
    renderPage([portalConnection(null)], false);
    expect(await screen.findByText('Портал Битрикс24 ещё не подключён')).toBeTruthy();
    expect(screen.getByTestId('portal-not-connected')).toBeTruthy();
    expect(screen.queryByTestId('connect-portal')).toBeNull();
    expect(screen.queryByTestId('portal-webhook-url')).toBeNull();
  });
});
