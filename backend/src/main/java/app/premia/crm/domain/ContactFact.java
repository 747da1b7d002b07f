package app.premia.crm.domain;

import java.time.OffsetDateTime;

/** A contact (a client person); {@code fullName} joins last, first and second name. */
public record ContactFact(
    long id,
    String fullName,
    Long companyId,
    Long assignedById,
    Long leadId,
    OffsetDateTime createdAt,
    OffsetDateTime modifiedAt) {}
