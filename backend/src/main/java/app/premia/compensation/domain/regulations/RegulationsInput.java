package app.premia.compensation.domain.regulations;

import app.premia.kpi.api.KpiDescriptor;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one version of the regulations is generated from.
 *
 * @param number the version's number («редакция № 2»), 1 for the first
 * @param effectiveFrom the day it comes into force
 * @param schemes the published scheme versions in force on that day, ordered by scheme name
 * @param catalogue the KPI catalogue (names, units, definitions as measured)
 * @param tenantSections the tenant's own sections, by position
 * @param currencySymbol how amounts are written (₽)
 */
public record RegulationsInput(
    CompanyDetails company,
    int number,
    LocalDate effectiveFrom,
    List<SchemeInForce> schemes,
    List<KpiDescriptor> catalogue,
    List<TenantSection> tenantSections,
    String currencySymbol) {

  public RegulationsInput {
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    schemes = List.copyOf(schemes);
    catalogue = List.copyOf(catalogue);
    tenantSections = List.copyOf(tenantSections);
    Objects.requireNonNull(currencySymbol, "currencySymbol");
  }
}
