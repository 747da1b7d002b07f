package app.premia.compensation.domain;

import java.math.BigDecimal;

/**
 * The adaptation period of a new hire: the first {@code months} calendar months counted from the
 * month of hire (the hire month is month 1).
 *
 * @param planFactorPercent plans are multiplied by this percent for attainment (e.g. 70: a plan of
 *     1 000 000 counts as 700 000); null = plans unchanged
 * @param guaranteedMinimum the variable pay of each month is at least this (before proration); null
 *     = none
 */
public record Adaptation(int months, BigDecimal planFactorPercent, BigDecimal guaranteedMinimum) {}
