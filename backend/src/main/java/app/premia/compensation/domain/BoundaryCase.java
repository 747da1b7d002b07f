package app.premia.compensation.domain;

import java.math.BigDecimal;

/**
 * What a component does at one value around one of its boundaries (a gate's threshold, a tier's
 * bound, a curve step): just below, exactly at, just above (see {@link Boundaries}).
 *
 * @param title which boundary: «Условие: Объём продаж > 1 000 000,00 ₽»
 * @param measureValue the value tried (the gate's basis value, the measure, or the attainment)
 * @param outcome «условие выполнено» / «не выполнено», «ставка 5 %», «множитель ×1,5»
 * @param amount what the component pays at that value with its other gates open, rounded to
 *     kopecks; null when its amount does not follow from this value alone
 */
public record BoundaryCase(
    String componentKey,
    String componentName,
    Text title,
    BigDecimal measureValue,
    Text outcome,
    BigDecimal amount) {}
