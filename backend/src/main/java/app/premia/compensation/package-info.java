/**
 * Compensation (issue #6): bonus schemes as versioned definitions (base salary + components with
 * payout rules), assignments of employees to schemes, the consultancy's template library and its
 * proposals to clients, the pure rule engine with explanations, previews and what-if replays. Reads
 * KPIs only through {@code kpi.api}.
 */
package app.premia.compensation;
