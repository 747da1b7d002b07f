package app.premia.compensation.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the payout exports ({@link PayoutExports}) are written from: one payout run of one month
 * with a row per employee statement and its lines, already read and computed. Amounts are kopecks:
 * every amount is normalised to scale 2 here, and one with more than two decimals is refused (the
 * run rounds half-up per line before it gets here).
 *
 * @param companyName the tenant's company; the organisation of rows that name none
 * @param currency ISO code of the amounts' currency ({@code RUB})
 * @param month the month the run pays
 * @param runId the run's id (the «Ведомость» of the 1C:ZUP file)
 * @param status {@code DRAFT}, {@code APPROVED} or {@code PAID}
 * @param rows one per employee statement, in the order the files list them
 */
public record PayoutExport(
    String companyName,
    String currency,
    YearMonth month,
    UUID runId,
    String status,
    List<Row> rows) {

  public PayoutExport {
    Objects.requireNonNull(companyName, "companyName");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    rows = List.copyOf(rows);
  }

  /**
   * One employee's statement.
   *
   * @param employeeId the employee's id in Premia
   * @param personnelNumber the 1C personnel number («табельный номер»), or null when not set
   * @param employeeName full name as the CRM has it
   * @param department department name, or null
   * @param organisation the legal entity paying the employee, or null for {@code companyName}
   * @param basis the scheme(s) and version(s) the statement was computed under
   * @param baseSalary the month's base salary
   * @param variablePay Σ component and scheme lines
   * @param adjustments Σ adjustment lines
   * @param total the statement's total
   * @param previousTotal the previous month's statement total, or null when there was none
   * @param lines the statement's lines
   */
  public record Row(
      long employeeId,
      String personnelNumber,
      String employeeName,
      String department,
      String organisation,
      String basis,
      BigDecimal baseSalary,
      BigDecimal variablePay,
      BigDecimal adjustments,
      BigDecimal total,
      BigDecimal previousTotal,
      List<Line> lines) {

    public Row {
      Objects.requireNonNull(employeeName, "employeeName");
      baseSalary = kopecks(baseSalary, "baseSalary");
      variablePay = kopecks(variablePay, "variablePay");
      adjustments = kopecks(adjustments, "adjustments");
      total = kopecks(total, "total");
      previousTotal = previousTotal == null ? null : kopecks(previousTotal, "previousTotal");
      lines = List.copyOf(lines);
    }
  }

  /**
   * One statement line.
   *
   * @param kind {@code BASE}, {@code COMPONENT}, {@code SCHEME} or {@code ADJUSTMENT}
   * @param key the component's key (null for lines of no component)
   * @param name the line's name as the statement shows it
   * @param periodKind {@code MONTH}, {@code QUARTER} or {@code YEAR}: the period the line is for
   * @param periodStart the first day of that period
   * @param amount the line's amount (negative for a clawback)
   * @param reason why an adjustment was made, or null
   */
  public record Line(
      String kind,
      String key,
      String name,
      String periodKind,
      LocalDate periodStart,
      BigDecimal amount,
      String reason) {

    public Line {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(periodKind, "periodKind");
      Objects.requireNonNull(periodStart, "periodStart");
      amount = kopecks(amount, "amount");
    }
  }

  private static BigDecimal kopecks(BigDecimal amount, String what) {
    Objects.requireNonNull(amount, what);
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " has more than two decimals: " + amount, e);
    }
  }
}
