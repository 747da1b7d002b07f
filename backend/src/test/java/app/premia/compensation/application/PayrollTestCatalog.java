package app.premia.compensation.application;

import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link SchemeCatalog} in memory for the tests of payroll, previews and what-if: schemes,
 * versions (published with an effective day, or a draft) and assignments added by the test. It
 * answers {@link #inForce} by the catalogue's contract (the published version with the latest
 * effective day not after the day).
 */
final class PayrollTestCatalog implements SchemeCatalog {

  private final List<SchemeView> schemes = new ArrayList<>();
  private final List<VersionView> versions = new ArrayList<>();
  private final List<AssignmentView> assignments = new ArrayList<>();

  UUID scheme(String name) {
    return scheme(UUID.randomUUID(), name);
  }

  UUID scheme(UUID id, String name) {
    schemes.add(new SchemeView(id, name, SalesRole.CUSTOM));
    return id;
  }

  VersionView publish(UUID scheme, LocalDate effectiveFrom, SchemeDefinition definition) {
    return publish(UUID.randomUUID(), scheme, effectiveFrom, definition);
  }

  VersionView publish(UUID id, UUID scheme, LocalDate effectiveFrom, SchemeDefinition definition) {
    VersionView v =
        new VersionView(
            id,
            scheme,
            versions(scheme).size() + 1,
            "PUBLISHED",
            effectiveFrom,
            definition,
            Instant.EPOCH,
            Instant.EPOCH);
    versions.add(v);
    return v;
  }

  VersionView draft(UUID scheme, SchemeDefinition definition) {
    return draft(UUID.randomUUID(), scheme, definition);
  }

  VersionView draft(UUID id, UUID scheme, SchemeDefinition definition) {
    VersionView v =
        new VersionView(
            id,
            scheme,
            versions(scheme).size() + 1,
            "DRAFT",
            null,
            definition,
            Instant.EPOCH,
            null);
    versions.add(v);
    return v;
  }

  void assign(long employee, UUID scheme, LocalDate from, LocalDate to) {
    assignments.add(new AssignmentView(UUID.randomUUID(), employee, scheme, from, to));
  }

  @Override
  public List<SchemeView> schemes() {
    return List.copyOf(schemes);
  }

  @Override
  public Optional<SchemeView> scheme(UUID id) {
    return schemes.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  @Override
  public Optional<VersionView> version(UUID id) {
    return versions.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  @Override
  public List<VersionView> versions(UUID schemeId) {
    return versions.stream().filter(v -> v.schemeId().equals(schemeId)).toList();
  }

  @Override
  public Optional<VersionView> inForce(UUID schemeId, LocalDate day) {
    return versions(schemeId).stream()
        .filter(v -> v.published() && !v.effectiveFrom().isAfter(day))
        .max(Comparator.comparing(VersionView::effectiveFrom));
  }

  @Override
  public List<AssignmentView> assignments(LocalDate from, LocalDate to) {
    return assignments.stream()
        .filter(
            a -> !a.validFrom().isAfter(to) && (a.validTo() == null || !a.validTo().isBefore(from)))
        .toList();
  }
}
