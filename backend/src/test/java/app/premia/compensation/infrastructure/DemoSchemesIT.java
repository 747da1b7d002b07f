package app.premia.compensation.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.application.SchemeStore.SchemeRow;
import app.premia.compensation.application.SchemesIT;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.tenancy.api.DemoDataReady;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compensation demo data against the real schema: the library seeded, three schemes published
 * 13 months before the current month in each company without a draft, and nothing more on a second
 * start.
 */
class DemoSchemesIT {

  @Test
  void seedsTheLibraryAndPublishedSchemes_once() throws SQLException {
    SchemesIT.migrate();
    UUID consultancy = SchemesIT.newConsultancy();
    List<UUID> tenants =
        List.of(SchemesIT.newTenant(consultancy), SchemesIT.newTenant(consultancy));
    DemoSchemes demo = new DemoSchemes();
    demo.clock = SchemesIT.MID_FEBRUARY;
    demo.feed = catalogueOnly(SchemesIT.CATALOGUE);
    DemoDataReady ready = new DemoDataReady(consultancy, tenants);

    assertEquals(6, seed(demo, ready), "three schemes in each of two companies");
    assertEquals(0, seed(demo, ready), "a second start adds nothing");

    try (Connection c = SchemesIT.runtime()) {
      c.setAutoCommit(false);
      SchemesIT.context(c, null, consultancy);
      assertEquals(
          TemplateLibraryDefaults.templates().size(),
          SchemesIT.count(c, "SELECT count(*) FROM library_template"));
      for (UUID tenant : tenants) {
        SchemesIT.context(c, tenant, consultancy);
        SchemeStore store = new SchemeStore(c, tenant);
        List<SchemeRow> schemes = store.schemeRows();
        assertEquals(
            List.of("account_manager", "acquisition_manager", "head_of_sales"),
            schemes.stream().map(s -> s.source().code()).sorted().toList());
        for (SchemeRow scheme : schemes) {
          List<VersionView> versions = store.versions(scheme.id());
          assertEquals(1, versions.size(), "no draft left");
          // mid-February 2026 in Moscow: the current month is February, 13 months before is
          // January 2025
          assertEquals(LocalDate.of(2025, 1, 1), versions.get(0).effectiveFrom());
          assertTrue(versions.get(0).published());
          assertTrue(store.inForce(scheme.id(), LocalDate.of(2026, 2, 15)).isPresent());
        }
      }
      c.rollback();
    }
  }

  private static int seed(DemoSchemes demo, DemoDataReady ready) throws SQLException {
    try (Connection c = SchemesIT.runtime()) {
      c.setAutoCommit(false);
      int applied = demo.seed(c, ready);
      c.commit();
      return applied;
    }
  }

  private static KpiFeed catalogueOnly(List<KpiDescriptor> catalogue) {
    return new KpiFeed() {
      @Override
      public List<KpiDescriptor> catalogue() {
        return catalogue;
      }

      @Override
      public TenantCalendar calendar(Connection connection) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Facts read(Connection connection, Collection<KpiPeriod> periods) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<WonDeal> wonDeals(Connection connection, Collection<KpiPeriod> periods) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<DealState> deals(Connection connection, Collection<Long> ids) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean countsWonDeals(String kpi) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String portalAddress(Connection connection) {
        throw new UnsupportedOperationException();
      }

      @Override
      public java.time.Instant measuredAt(Connection connection) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
