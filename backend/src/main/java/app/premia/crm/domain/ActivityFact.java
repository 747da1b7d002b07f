package app.premia.crm.domain;

import java.time.OffsetDateTime;

/**
 * A timeline activity (call, meeting, e-mail, task...). {@code typeId}: 1 meeting, 2 call, 3 task,
 * 4 e-mail, 5 calendar import, 6 provider-based, 0 undefined; {@code direction}: 1 incoming, 2
 * outgoing, 0 none; {@code ownerTypeId} is the CRM entity type (1 lead, 2 deal, 3 contact, 4
 * company, ...).
 */
public record ActivityFact(
    long id,
    int typeId,
    String providerId,
    String providerTypeId,
    int direction,
    boolean completed,
    Long responsibleId,
    int ownerTypeId,
    Long ownerId,
    String subject,
    OffsetDateTime startTime,
    OffsetDateTime endTime,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
