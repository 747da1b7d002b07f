package app.premia.crm.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A lead as last read from the portal; {@code closedAt} is set once it reached a final status. */
public record LeadFact(
    long id,
    String title,
    String statusId,
    StageSemantic semantic,
    Long assignedById,
    Long companyId,
    Long contactId,
    String sourceId,
    BigDecimal amount,
    String currency,
    boolean returnCustomer,
    OffsetDateTime createdAt,
    OffsetDateTime modifiedAt,
    OffsetDateTime closedAt) {}
