import { afterAll, describe, expect, it } from 'vitest';
import { BASE_URL, closeBrowser, openSession, type Session } from './browser';
import { DEMO, signIn } from './demo';
import { gqlData, plain, tenantTimeZone, waitForSync } from './graphql';

/**
 * Acceptance 5 of issue #8, in Alfa with its sandbox portal synced at start (infra/test.sh): the
 * admin opens «Положение о премировании», prepares a draft if there is none and publishes it (the
 * sandbox portal then receives one notification per employee in its scope); manager 1 signs in and
 * at once sees the notice that he must acknowledge it, opens the document, finds its sections on
 * the page, downloads its PDF and presses «Ознакомлен»; the admin reloads «Ознакомление» and sees
 * manager 1 acknowledged with the moment and the count one higher, then reminds the others: the
 * sandbox portal receives exactly one notification per pending employee. Every step is checked
 * against the server's own answers (GraphQL from the signed-in page) as well as the page.
 */

/** How long Alfa's first full sync (started with the server) may still take. */
const SYNC_TIMEOUT_MS = 180_000;
const SCENARIO_TIMEOUT_MS = SYNC_TIMEOUT_MS + 240_000;

interface Acknowledgements {
  total: number;
  acknowledged: number;
  employees: {
    employee: { id: string; name: string };
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
  }[];
}

interface RegulationsState {
  regulations: {
    draft: { id: string; number: number; effectiveFrom: string } | null;
    current: {
      id: string;
      number: number;
      acknowledgements: Acknowledgements | null;
    } | null;
    canEdit: boolean;
  };
}

const regulationsState = `{
  regulations {
    draft { id number effectiveFrom }
    current {
      id number
      acknowledgements {
        total acknowledged
        employees { employee { id name } acknowledgedAt acknowledgedBy }
      }
    }
    canEdit
  }
}`;

interface MyState {
  myRegulations: {
    document: {
      id: string;
      number: number;
      sections: { number: number; title: string }[];
    } | null;
    acknowledgedAt: string | null;
    pending: boolean;
  };
}

const myState = `{
  myRegulations {
    document { id number sections(language: RU) { number title } }
    acknowledgedAt
    pending
  }
}`;

/** "27.11.2026 12:34": as the pages show an acknowledgement, in the tenant's zone. */
function minute(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['day']}.${parts['month']}.${parts['year']} ${parts['hour']}:${parts['minute']}`;
}

/** The Bitrix24 sandbox portal the server talks to (infra/test.sh starts it). */
const SANDBOX_URL = (process.env['PREMIA_SANDBOX_URL'] ?? 'http://127.0.0.1:18090').replace(
  /\/$/u,
  '',
);

interface SandboxNotification {
  ID: number;
  USER_ID: number;
  MESSAGE: string;
}

/** The notifications the sandbox portal has received (its control API). */
async function sandboxNotifications(portal: string): Promise<SandboxNotification[]> {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/portals/${portal}/snapshot/notifications`);
  if (!response.ok) {
    throw new Error(`the sandbox answered ${response.status} for ${portal}'s notifications`);
  }
  return (await response.json()) as SandboxNotification[];
}

/** The Bitrix24 user id inside an employee's global id («Employee:<tenant>:<id>», base64url). */
function portalUserId(globalId: string): number {
  const plainId = Buffer.from(globalId, 'base64url').toString('utf8');
  return Number(plainId.slice(plainId.lastIndexOf(':') + 1));
}

describe(`Bonus regulations: publish and acknowledge at ${BASE_URL}`, () => {
  const sessions: Session[] = [];
  const open = async () => {
    const session = await openSession();
    sessions.push(session);
    return session;
  };

  afterAll(async () => {
    for (const session of sessions) {
      await session.close();
    }
    await closeBrowser();
  });

  it(
    'the admin publishes, manager 1 reads and acknowledges, the admin’s list updates',
    async () => {
      // ---- the admin publishes ----
      const admin = await open();
      await signIn(admin.page, DEMO.user('admin', 'alfa'));
      await waitForSync(admin.page, SYNC_TIMEOUT_MS);
      const timeZone = await tenantTimeZone(admin.page);

      await admin.page.getByRole('menuitem', { name: /Положение о премировании$/ }).click();
      await admin.page.waitForURL('**/regulations');
      await admin.page.getByTestId('current-version').waitFor();
      const before = await gqlData<RegulationsState>(admin.page, regulationsState);
      expect(before.regulations.canEdit, 'Alfa’s admin may publish').toBe(true);

      if (!before.regulations.draft) {
        await admin.page.getByTestId('create-draft').click();
        await admin.page.getByTestId('draft-card').waitFor();
      }
      const { regulations: withDraft } = await gqlData<RegulationsState>(
        admin.page,
        regulationsState,
      );
      const draft = withDraft.draft;
      expect(draft, 'a draft to publish').not.toBeNull();
      await expect
        .poll(() => admin.page.getByTestId('draft-card').getAttribute('data-draft-id'))
        .toBe(draft!.id);

      // The document tab shows the draft's text as the server generates it.
      const { regulationsDocument: draftDoc } = await gqlData<{
        regulationsDocument: { sections: { number: number; title: string }[] };
      }>(
        admin.page,
        'query($id: ID!) { regulationsDocument(id: $id) { sections(language: RU) { number title } } }',
        {
          id: draft!.id,
        },
      );
      expect(draftDoc.sections.length).toBeGreaterThan(0);

      await admin.page.getByTestId('publish-draft').click();
      await admin.page.getByTestId('publish-confirm').click();
      await admin.page.getByText(`Редакция № ${draft!.number} опубликована`).waitFor();
      await admin.screenshot('regulations-published');

      const { regulations: published } = await gqlData<RegulationsState>(
        admin.page,
        regulationsState,
      );
      expect(published.draft).toBeNull();
      expect(published.current?.id).toBe(draft!.id);
      expect(published.current?.number).toBe(draft!.number);
      const ackAtPublish = published.current!.acknowledgements!;
      expect(ackAtPublish.total, 'the version covers Alfa’s employees').toBeGreaterThan(0);
      await expect
        .poll(async () => plain(await admin.page.getByTestId('current-number').textContent()))
        .toBe(`Действующая редакция № ${draft!.number}`);
      expect(plain(await admin.page.getByTestId('acknowledged-count').first().textContent())).toBe(
        `Ознакомлены ${ackAtPublish.acknowledged} из ${ackAtPublish.total}`,
      );
      // A new version starts with nobody acknowledged (those of older versions stay with those).
      expect(ackAtPublish.acknowledged).toBe(0);

      // Everyone in its scope is told in Bitrix24 (sent in the background once it committed).
      const scopePortalIds = ackAtPublish.employees
        .map((e) => portalUserId(e.employee.id))
        .sort((a, b) => a - b);
      await expect
        .poll(
          async () =>
            (await sandboxNotifications('alfa'))
              .filter((n) =>
                n.MESSAGE.includes(`Опубликована редакция № ${draft!.number} Положения`),
              )
              .map((n) => n.USER_ID)
              .sort((a, b) => a - b),
          { timeout: 60_000, interval: 1_000 },
        )
        .toEqual(scopePortalIds);

      // ---- manager 1 signs in: the notice, the document, «Ознакомлен» ----
      const manager = await open();
      await signIn(manager.page, DEMO.user('manager1', 'alfa'));
      const { viewer: managerViewer } = await gqlData<{
        viewer: { user: { displayName: string } };
      }>(manager.page, '{ viewer { user { displayName } } }');
      const mine = await gqlData<MyState>(manager.page, myState);
      expect(mine.myRegulations.pending, 'manager 1 is in the new version’s scope').toBe(true);
      expect(mine.myRegulations.document?.id).toBe(draft!.id);

      const notice = manager.page.getByTestId('regulations-pending-notice');
      await notice.waitFor();
      expect(plain(await notice.textContent())).toContain(
        `Вам нужно ознакомиться с Положением о премировании (редакция № ${draft!.number})`,
      );
      await manager.screenshot('regulations-manager-notice');
      await manager.page.getByTestId('regulations-pending-link').click();
      await manager.page.waitForURL('**/my-regulations');

      const html = manager.page.getByTestId('regulations-html');
      await html.waitFor();
      const text = plain(await html.textContent());
      for (const section of mine.myRegulations.document!.sections) {
        expect(text, `section ${section.number} on the page`).toContain(plain(section.title));
      }
      // The PDF the page links to: the server renders it for him (a published version).
      const pdfHref = await manager.page.getByTestId('download-pdf').getAttribute('href');
      expect(pdfHref).toContain('/pdf');
      const pdf = await manager.page.evaluate(async (href) => {
        const response = await fetch(href);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return {
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          head: String.fromCharCode(...bytes.slice(0, 5)),
          size: bytes.length,
        };
      }, pdfHref!);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toContain('application/pdf');
      expect(pdf.head).toBe('%PDF-');
      expect(pdf.size).toBeGreaterThan(10_000);
      expect(await notice.count(), 'no notice on the page that asks already').toBe(0);

      await manager.page.getByTestId('acknowledge').click();
      const acknowledged = manager.page.getByTestId('my-acknowledged');
      await acknowledged.waitFor();
      const after = await gqlData<MyState>(manager.page, myState);
      expect(after.myRegulations.pending).toBe(false);
      expect(after.myRegulations.acknowledgedAt).not.toBeNull();
      const at = minute(after.myRegulations.acknowledgedAt!, timeZone);
      expect(plain(await acknowledged.textContent())).toBe(`Ознакомлен ${at}`);
      await manager.screenshot('regulations-acknowledged');

      // Elsewhere in the app the notice is gone now.
      await manager.page.goto('/my-payouts');
      await manager.page.getByTestId('user-menu').waitFor();
      await manager.page.waitForLoadState('networkidle');
      expect(await manager.page.getByTestId('regulations-pending-notice').count()).toBe(0);

      // ---- the admin's list ----
      await admin.page.reload();
      await admin.page.getByTestId('tab-acknowledgements').click();
      const table = admin.page.getByTestId('acknowledgements-table');
      await table.waitFor();
      const { regulations: seen } = await gqlData<RegulationsState>(admin.page, regulationsState);
      const acks = seen.current!.acknowledgements!;
      expect(acks.acknowledged).toBe(ackAtPublish.acknowledged + 1);
      // «Who pressed»: the server records his user (display name) and the moment he pressed.
      const row = acks.employees.find(
        (e) =>
          e.acknowledgedBy === managerViewer.user.displayName &&
          e.acknowledgedAt === after.myRegulations.acknowledgedAt,
      );
      expect(row, `manager 1 acknowledged on the server: ${JSON.stringify(acks)}`).toBeDefined();

      const tableRow = table.locator(`tr[data-row-key="${row!.employee.id}"]`);
      expect(plain(await tableRow.getByTestId('ack-name').textContent())).toBe(
        plain(row!.employee.name),
      );
      expect(await tableRow.getByTestId('ack-at').getAttribute('data-acknowledged')).toBe('true');
      expect(plain(await tableRow.getByTestId('ack-at').textContent())).toBe(at);
      expect(
        plain(
          await admin.page
            .getByTestId('acknowledgements')
            .getByTestId('acknowledged-count')
            .textContent(),
        ),
      ).toBe(`Ознакомлены ${acks.acknowledged} из ${acks.total}`);
      expect(
        plain(
          await admin.page
            .getByTestId('current-version')
            .getByTestId('acknowledged-count')
            .textContent(),
        ),
      ).toBe(`Ознакомлены ${acks.acknowledged} из ${acks.total}`);
      await admin.screenshot('regulations-acknowledgements');

      // ---- the admin reminds those still pending: one Bitrix24 notification each ----
      const pendingPortalIds = acks.employees
        .filter((e) => e.acknowledgedAt === null)
        .map((e) => portalUserId(e.employee.id))
        .sort((a, b) => a - b);
      expect(pendingPortalIds.length, 'someone besides manager 1 is pending').toBeGreaterThan(0);
      const known = new Set((await sandboxNotifications('alfa')).map((n) => n.ID));
      await admin.page.getByTestId('remind').click();
      const reminded = admin.page.getByTestId('reminded');
      await reminded.waitFor();
      expect(plain(await reminded.textContent())).toBe(
        `Уведомлено ${pendingPortalIds.length} из ${pendingPortalIds.length}`,
      );
      const sent = (await sandboxNotifications('alfa')).filter(
        (n) => !known.has(n.ID) && n.MESSAGE.includes('Положением о премировании'),
      );
      expect(sent.map((n) => n.USER_ID).sort((a, b) => a - b)).toEqual(pendingPortalIds);
      expect(sent.every((n) => n.MESSAGE.includes(`редакция № ${draft!.number}`))).toBe(true);

      for (const session of [admin, manager]) {
        expect(session.pageErrors.map(String)).toEqual([]);
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});
