/**
 * Premia's Bitrix24 REST client: transport, pacing, batches, fast iteration, OAuth refresh and
 * error classification, in plain Java (no CDI), so it runs unchanged in unit tests.
 *
 * <p>Entry point: {@link app.premia.crm.infrastructure.bitrix.BitrixPortals}, one per process,
 * which hands out a {@link app.premia.crm.infrastructure.bitrix.BitrixClient} per portal. All
 * clients of one portal share its {@link app.premia.crm.infrastructure.bitrix.PortalPacer} (leaky
 * bucket, operating-time governor, one call per method at a time), its OAuth tokens (single-flight
 * refresh) and its current address. Secrets (webhook codes, tokens, client secrets) never appear in
 * messages, logs or {@code toString}. See {@code docs/architecture/bitrix-client.md}.
 */
package app.premia.crm.infrastructure.bitrix;
