package app.premia.compensation.domain.regulations;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The company block of the regulations, written by the tenant admin and kept across regenerations.
 * Only the name is required; the rest is printed where given.
 *
 * @param name the company's legal name («ООО "Альфа"»)
 * @param inn its taxpayer number (ИНН: 10 digits for an organisation, 12 for an entrepreneur)
 * @param orderNumber the number of the order approving the regulations («Приказ № 15-П»)
 * @param orderDate the day of that order
 * @param city where it is approved («г. Москва»)
 * @param approverTitle the approver's position («Генеральный директор»)
 * @param approverName the approver's name («И. И. Иванов»)
 */
public record CompanyDetails(
    String name,
    String inn,
    String orderNumber,
    LocalDate orderDate,
    String city,
    String approverTitle,
    String approverName) {

  public CompanyDetails {
    Objects.requireNonNull(name, "name");
  }
}
