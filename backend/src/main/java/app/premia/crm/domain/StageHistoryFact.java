package app.premia.crm.domain;

import java.time.OffsetDateTime;

/**
 * One append-only stage-history record: the moment {@code ownerId} (a lead or deal, by {@code
 * entityTypeId}) entered {@code stageId}. {@code typeId}: 1 created, 2 intermediate stage, 3 final
 * stage, 5 pipeline changed. {@code categoryId} is null for leads.
 */
public record StageHistoryFact(
    long id,
    int entityTypeId,
    int typeId,
    long ownerId,
    Integer categoryId,
    String stageId,
    StageSemantic semantic,
    OffsetDateTime createdAt) {}
