package app.premia.crm.domain;

import java.time.OffsetDateTime;

/** A company; {@code myCompany} marks the tenant's own legal entities (not clients). */
public record CompanyFact(
    long id,
    String title,
    Long assignedById,
    Long leadId,
    boolean myCompany,
    OffsetDateTime createdAt,
    OffsetDateTime modifiedAt) {}
