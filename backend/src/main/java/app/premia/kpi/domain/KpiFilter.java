package app.premia.kpi.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The tenant-level filter of the deals every deal-based KPI is measured on: only deals of the
 * listed pipelines ({@code crm_deal.category_id}), deal types ({@code type_id}) and sources ({@code
 * source_id}) count. An empty set means "all" for that dimension; a deal with no type (or source)
 * matches no non-empty type (or source) set. The filter decides which deals exist for the KPIs: a
 * client's first purchase, repeat purchases, retention and LTV are all computed among the matching
 * deals only. Leads and activities are not filtered.
 *
 * @param pipelines pipeline ids (deal categories) to keep; empty: all
 * @param dealTypes deal type codes to keep; empty: all
 * @param sources source codes to keep; empty: all
 */
public record KpiFilter(Set<Integer> pipelines, Set<String> dealTypes, Set<String> sources) {

  /** No filter: every deal counts. */
  public static final KpiFilter ALL = new KpiFilter(Set.of(), Set.of(), Set.of());

  public KpiFilter {
    pipelines = Set.copyOf(Objects.requireNonNull(pipelines, "pipelines"));
    dealTypes = Set.copyOf(Objects.requireNonNull(dealTypes, "dealTypes"));
    sources = Set.copyOf(Objects.requireNonNull(sources, "sources"));
  }

  public boolean all() {
    return pipelines.isEmpty() && dealTypes.isEmpty() && sources.isEmpty();
  }
}
