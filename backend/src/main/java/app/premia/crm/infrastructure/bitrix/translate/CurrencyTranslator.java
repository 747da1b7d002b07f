package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.CurrencyFact;
import app.premia.crm.domain.QuarantineReason;
import java.math.BigDecimal;
import java.util.List;

/** {@code crm.currency.list} rows into {@link CurrencyFact}s; rate and nominal must be positive. */
public final class CurrencyTranslator extends RowTranslator<CurrencyFact> {

  public CurrencyTranslator() {
    super("currency", "CURRENCY");
  }

  @Override
  CurrencyFact read(RawRow r, List<String> warnings) {
    String code = r.currency("CURRENCY");
    if (code == null) {
      throw new Rejected(QuarantineReason.MISSING_FIELD, "CURRENCY is missing");
    }
    int nominal = r.intOr("AMOUNT_CNT", 1);
    if (nominal <= 0) {
      throw new Rejected(QuarantineReason.BAD_NUMBER, "AMOUNT_CNT is not positive");
    }
    BigDecimal rate = r.money("AMOUNT");
    if (rate.signum() <= 0) {
      throw new Rejected(QuarantineReason.BAD_MONEY, "AMOUNT (the rate) is not positive");
    }
    return new CurrencyFact(code, nominal, rate, r.flag("BASE"));
  }
}
