package app.premia.compensation.infrastructure;

import app.premia.compensation.application.Audit;
import app.premia.compensation.application.Library;
import app.premia.compensation.application.LibraryStore;
import app.premia.compensation.application.LibraryStore.TemplateRow;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.application.SchemeStore.SchemeRow;
import app.premia.compensation.application.Schemes;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.kpi.api.KpiFeed;
import app.premia.platform.persistence.DataSources;
import app.premia.tenancy.api.DemoDataReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Compensation's demo data ({@code PREMIA_DEMO=true}): the demo consultancy's library seeded with
 * the default templates, and in each demo client company the account manager, acquisition manager
 * and head of sales templates applied and published as version 1 from 13 months before the current
 * month — so history has a version in force — with no draft left. Idempotent: a company that has
 * any scheme is left alone.
 *
 * <p>Assignments are not seeded: they need portal user ids, which exist only after the first sync.
 *
 * <p>The publication bypasses {@link Schemes#publish}'s "not a closed month" rule on purpose (it
 * writes history that a real company would have made back then), through {@link SchemeStore}. Plain
 * JDBC in one explicit transaction, as the runtime role with the demo consultancy's and each
 * tenant's settings, like tenancy's demo data (it runs during deployment, see its javadoc).
 */
@ApplicationScoped
public class DemoSchemes {

  static final List<String> APPLIED =
      List.of("account_manager", "acquisition_manager", "head_of_sales");

  private static final Logger LOG = Logger.getLogger(DemoSchemes.class.getName());

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject KpiFeed feed;

  void onDemoData(@Observes DemoDataReady ready) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int applied = seed(c, ready);
        c.commit();
        if (applied > 0) {
          LOG.info("Demo compensation seeded: library and " + applied + " published schemes");
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Demo schemes could not be seeded: " + e.getMessage(), e);
    }
  }

  int seed(Connection c, DemoDataReady ready) throws SQLException {
    SchemeValidator validator = new SchemeValidator(feed.catalogue());
    context(c, ready.consultancyId(), null);
    Library library =
        new Library(
            new LibraryStore(c, ready.consultancyId()),
            validator,
            Audit.jdbc(c, ready.consultancyId(), null, clock),
            clock,
            null,
            "ru");
    library.ensureSeeded();
    List<UUID> templates = new ArrayList<>();
    for (String code : APPLIED) {
      library.store().templateByCode(code).map(TemplateRow::id).ifPresent(templates::add);
    }
    int applied = 0;
    for (UUID tenant : ready.tenantIds()) {
      context(c, ready.consultancyId(), tenant);
      SchemeStore store = new SchemeStore(c, tenant);
      if (!store.schemeRows().isEmpty() || templates.isEmpty()) {
        continue;
      }
      Schemes schemes =
          new Schemes(store, validator, Audit.jdbc(c, null, null, clock), clock, null, "ru");
      LocalDate from =
          LocalDate.now(clock.withZone(store.zone())).withDayOfMonth(1).minusMonths(13);
      for (SchemeRow scheme : schemes.applyTemplates(library.store(), templates)) {
        VersionView draft = store.draft(scheme.id()).orElseThrow();
        store.publish(draft, from, clock.instant(), null);
        applied++;
      }
    }
    return applied;
  }

  private static void context(Connection c, UUID consultancyId, UUID tenantId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.consultancy_id', ?, true), set_config('app.tenant_id', ?, true)")) {
      s.setString(1, consultancyId.toString());
      s.setString(2, tenantId == null ? "" : tenantId.toString());
      s.execute();
    }
  }
}
