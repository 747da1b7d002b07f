package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A published scheme version in force on the regulations' effective date: one section of the
 * document describes the bonus of its sales role.
 */
public record SchemeInForce(
    UUID schemeId,
    String schemeName,
    SalesRole salesRole,
    UUID versionId,
    int versionNumber,
    LocalDate versionEffectiveFrom,
    SchemeDefinition definition) {

  public SchemeInForce {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(schemeName, "schemeName");
    Objects.requireNonNull(salesRole, "salesRole");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(definition, "definition");
  }
}
