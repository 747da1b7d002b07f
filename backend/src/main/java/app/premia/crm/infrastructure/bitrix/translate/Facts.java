package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageSemantic;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/** Rules shared by several translators. */
final class Facts {

  private Facts() {}

  /**
   * The row's own semantic field when present (P/S/F, else quarantined as BAD_VALUE), otherwise the
   * dictionary's; a disagreement is kept as the row says, with a warning.
   */
  static StageSemantic semantic(
      RawRow r, String field, StageSemantic fromDictionary, List<String> warnings) {
    String code = r.code(field);
    if (code == null) {
      if (fromDictionary == null) {
        throw new Rejected(QuarantineReason.MISSING_FIELD, field + " is missing");
      }
      return fromDictionary;
    }
    StageSemantic s = StageSemantic.ofCode(code);
    if (s == null) {
      throw new Rejected(
          QuarantineReason.BAD_VALUE, field + " is not P, S or F (" + r.excerpt(field) + ")");
    }
    if (fromDictionary != null && s != fromDictionary) {
      warnings.add(
          field + " " + s.code() + " differs from the stage dictionary's " + fromDictionary.code());
    }
    return s;
  }

  /** The currency; required (quarantine BAD_CURRENCY) when the amount is not zero. */
  static String currencyFor(RawRow r, BigDecimal amount, String field) {
    String currency = r.currency(field);
    if (currency == null && amount.signum() != 0) {
      throw new Rejected(
          QuarantineReason.BAD_CURRENCY, field + " is missing for a non-zero amount");
    }
    return currency;
  }

  /**
   * An NPS score 0..10 from the tenant's user field. Soft: anything unreadable (text, fraction, out
   * of range, wrong JSON type) is "no score" plus a warning, never a quarantine, because the deal
   * itself is sound and still counts for bonuses.
   */
  static Integer nps(RawRow r, String field, List<String> warnings) {
    JsonValue v = r.json().get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    BigDecimal d = null;
    if (v instanceof JsonNumber n) {
      d = n.bigDecimalValue();
    } else if (v instanceof JsonString s) {
      String t = s.getString().strip();
      if (t.isEmpty()) {
        return null;
      }
      if (t.matches("[0-9]{1,3}(\\.0+)?")) {
        d = new BigDecimal(t);
      }
    }
    if (d != null) {
      try {
        int score = d.stripTrailingZeros().intValueExact();
        if (score >= 0 && score <= 10) {
          return score;
        }
      } catch (ArithmeticException e) {
        // a fraction: fall through to the warning
      }
    }
    warnings.add(field + " is not an NPS score 0..10 (" + r.excerpt(field) + "); read as none");
    return null;
  }
}
