package app.premia.compensation.infrastructure;

import app.premia.compensation.application.SchemeCatalog;
import app.premia.compensation.application.SchemeStore;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.security.IdentityScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SchemeCatalog} for the current unit of work: reads through {@link SchemeStore} on the
 * transaction's connection, for the tenant the unit of work runs for (row-level security and the
 * store's explicit tenant filter both confine it there). Without a tenant it refuses.
 */
@ApplicationScoped
public class JdbcSchemeCatalog implements SchemeCatalog {

  @Inject EntityManager em;

  private SchemeStore store() {
    UUID tenant =
        IdentityScope.current()
            .tenantId()
            .orElseThrow(
                () ->
                    new PremiaException(
                        ErrorCode.FORBIDDEN, "Сначала выберите клиентскую компанию."));
    return new SchemeStore(em.unwrap(Connection.class), tenant);
  }

  @Override
  public List<SchemeView> schemes() {
    return store().schemes();
  }

  @Override
  public Optional<SchemeView> scheme(UUID id) {
    return store().scheme(id);
  }

  @Override
  public Optional<VersionView> version(UUID id) {
    return store().version(id);
  }

  @Override
  public List<VersionView> versions(UUID schemeId) {
    return store().versions(schemeId);
  }

  @Override
  public Optional<VersionView> inForce(UUID schemeId, LocalDate day) {
    return store().inForce(schemeId, day);
  }

  @Override
  public List<AssignmentView> assignments(LocalDate from, LocalDate to) {
    return store().assignments(from, to);
  }
}
