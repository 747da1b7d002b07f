/**
 * The scheme definition model (what a scheme version says, immutable records), its JSON form and
 * validation, and the pure engine that evaluates it with exact decimals and explanations.
 */
package app.premia.compensation.domain;
