package app.premia.compensation.application;

import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the active tenant's schemes, versions and assignments, for the parts that evaluate
 * them (previews, what-if, later payout runs). Every read is confined to the tenant of the current
 * unit of work (discriminator and row-level security).
 */
public interface SchemeCatalog {

  /** A scheme. */
  record SchemeView(UUID id, String name, SalesRole salesRole) {}

  /**
   * A version; {@code effectiveFrom} is null for a draft.
   *
   * @param status DRAFT or PUBLISHED
   */
  record VersionView(
      UUID id,
      UUID schemeId,
      int number,
      String status,
      LocalDate effectiveFrom,
      SchemeDefinition definition,
      Instant createdAt,
      Instant publishedAt) {

    public boolean published() {
      return "PUBLISHED".equals(status);
    }
  }

  /** An employee's assignment to a scheme, {@code validTo} inclusive, null = open. */
  record AssignmentView(
      UUID id, long employeeId, UUID schemeId, LocalDate validFrom, LocalDate validTo) {}

  List<SchemeView> schemes();

  Optional<SchemeView> scheme(UUID id);

  Optional<VersionView> version(UUID id);

  /** The scheme's versions, published ones by effective month, then the draft. */
  List<VersionView> versions(UUID schemeId);

  /**
   * The published version of the scheme in force on the day: the one with the latest {@code
   * effectiveFrom} not after it; empty before the first.
   */
  Optional<VersionView> inForce(UUID schemeId, LocalDate day);

  /** Assignments that overlap [from, to] (inclusive), every scheme. */
  List<AssignmentView> assignments(LocalDate from, LocalDate to);
}
