package app.premia.reference.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A currency money is kept in. Reference data: rows arrive with migrations and the application
 * never changes them (the runtime role has no write grant on the table).
 */
@Entity
@Table(name = "currency")
@Cacheable
public class Currency {

  @Id
  @Column(name = "code", length = 3, nullable = false, updatable = false)
  private String code;

  @Column(name = "numeric_code", nullable = false, updatable = false)
  private int numericCode;

  @Column(name = "minor_units", nullable = false, updatable = false)
  private int minorUnits;

  @Column(name = "symbol", nullable = false, updatable = false)
  private String symbol;

  @Column(name = "name_ru", nullable = false, updatable = false)
  private String nameRu;

  @Column(name = "name_en", nullable = false, updatable = false)
  private String nameEn;

  protected Currency() {}

  public Currency(
      CurrencyCode code,
      int numericCode,
      int minorUnits,
      String symbol,
      String nameRu,
      String nameEn) {
    this.code = code.value();
    this.numericCode = numericCode;
    this.minorUnits = minorUnits;
    this.symbol = symbol;
    this.nameRu = nameRu;
    this.nameEn = nameEn;
  }

  public CurrencyCode code() {
    return CurrencyCode.of(code.strip());
  }

  public int numericCode() {
    return numericCode;
  }

  /** Digits after the decimal point: 2 for kopecks and cents. */
  public int minorUnits() {
    return minorUnits;
  }

  public String symbol() {
    return symbol;
  }

  public String nameRu() {
    return nameRu;
  }

  public String nameEn() {
    return nameEn;
  }

  /**
   * An amount rounded to this currency's minor units, half-up: the rounding every money line in
   * Premia uses.
   */
  public BigDecimal round(BigDecimal amount) {
    return amount.setScale(minorUnits, RoundingMode.HALF_UP);
  }
}
