package app.premia.crm.domain;

import java.math.BigDecimal;

/**
 * A portal currency with its current rate: {@code nominal} units of it are worth {@code rate} units
 * of the portal's base currency. The portal keeps no rate history.
 */
public record CurrencyFact(String code, int nominal, BigDecimal rate, boolean base) {}
