package app.premia.crm.domain;

/**
 * A status-dictionary entry: a deal stage ({@code entityId} {@code DEAL_STAGE} or {@code
 * DEAL_STAGE_<n>}), a lead status ({@code STATUS}) or another dictionary value (sources, types).
 * {@code semantic} is {@link StageSemantic#IN_PROGRESS} for everything that is not a final stage.
 */
public record StageFact(
    String entityId,
    String statusId,
    String name,
    int sort,
    StageSemantic semantic,
    Integer categoryId) {}
