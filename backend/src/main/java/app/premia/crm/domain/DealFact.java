package app.premia.crm.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A deal as last read from the portal. {@code amount} is never negative and never null (Bitrix24's
 * default amount is 0); {@code currency} is null only when the amount is 0 and the portal gave
 * none. {@code nps} is the tenant's NPS user field, 0..10, or null when absent or unreadable.
 */
public record DealFact(
    long id,
    String title,
    int categoryId,
    String stageId,
    StageSemantic semantic,
    boolean closed,
    BigDecimal amount,
    String currency,
    Long assignedById,
    Long companyId,
    Long contactId,
    Long leadId,
    boolean returnCustomer,
    boolean repeatedApproach,
    String sourceId,
    String typeId,
    LocalDate beginDate,
    LocalDate closeDate,
    OffsetDateTime createdAt,
    OffsetDateTime modifiedAt,
    OffsetDateTime movedAt,
    Integer nps) {}
