/**
 * Premia: incentive compensation (KPI and bonus) for companies that sell through Bitrix24 CRM.
 *
 * <p>Packages by business area first ({@code reference}, later {@code tenancy}, {@code crm}, {@code
 * kpi}, {@code compensation}, {@code payout}, ...), each with only the layers it needs ({@code
 * domain}, {@code application}, {@code infrastructure}, {@code interfaces}). {@link
 * app.premia.platform} holds the technical building blocks and imports no business area. The
 * boundaries are stated as tests in {@code ArchitectureTest}.
 */
package app.premia;
