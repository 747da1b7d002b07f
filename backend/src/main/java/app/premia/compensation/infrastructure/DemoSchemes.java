package app.premia.compensation.infrastructure;

import app.premia.compensation.application.Audit;
import app.premia.compensation.application.Library;
import app.premia.compensation.application.LibraryStore;
import app.premia.compensation.application.LibraryStore.TemplateRow;
import app.premia.compensation.application.RegulationsStore;
import app.premia.compensation.application.SchemeCatalog;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.application.SchemeStore.SchemeRow;
import app.premia.compensation.application.Schemes;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.crm.api.CrmFactsChanged;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** The demo companies (known from {@link DemoDataReady}); only these get demo assignments. */
  private final Set<UUID> demoTenants = java.util.concurrent.ConcurrentHashMap.newKeySet();

  void onDemoData(@Observes DemoDataReady ready) {
    demoTenants.addAll(ready.tenantIds());
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
    int index = 0;
    for (UUID tenant : ready.tenantIds()) {
      context(c, ready.consultancyId(), tenant);
      demoDetails(c, tenant, index++);
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

  /** Fictitious INNs with valid check digits, one per demo company. */
  private static final List<String> DEMO_INNS = List.of("7704123450", "7801987656", "5003121210");

  /**
   * The title page's company block of a demo company's regulations (docs/domain/regulations.md),
   * when it has none yet: its name, a fictitious INN, an approval order and a director.
   */
  private void demoDetails(Connection c, UUID tenant, int index) throws SQLException {
    RegulationsStore regulations = new RegulationsStore(c, tenant);
    if (regulations.details().isPresent()) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(new SchemeStore(c, tenant).zone()));
    regulations.saveDetails(
        new CompanyDetails(
            regulations.tenantName(),
            DEMO_INNS.get(index % DEMO_INNS.size()),
            (index + 12) + "-П",
            today.withDayOfMonth(1),
            "г. Москва",
            "Генеральный директор",
            List.of("А. Н. Смирнов", "Е. В. Ершова", "П. С. Орлов").get(index % 3)),
        clock.instant(),
        null);
  }

  /**
   * After a demo company's first full sync (its portal users exist now): people are put on the demo
   * schemes, so payout runs and estimates have someone to pay — a department's head on the head of
   * sales scheme, the others alternately on the account manager and acquisition manager schemes,
   * from the schemes' first month. A company with any assignment is left alone.
   */
  void onFactsChanged(@Observes CrmFactsChanged changed) {
    if (!changed.everything() || !demoTenants.contains(changed.tenantId())) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        int assigned = assign(c, changed.consultancyId(), changed.tenantId());
        c.commit();
        if (assigned > 0) {
          LOG.info("Demo compensation: " + assigned + " employees put on the demo schemes");
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        LOG.log(java.util.logging.Level.WARNING, "Demo assignments failed", e);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.log(java.util.logging.Level.WARNING, "Demo assignments failed", e);
    }
  }

  int assign(Connection c, UUID consultancyId, UUID tenantId) throws SQLException {
    context(c, consultancyId, tenantId);
    SchemeStore store = new SchemeStore(c, tenantId);
    if (!store.assignments(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)).isEmpty()) {
      return 0;
    }
    Map<String, UUID> byCode = new HashMap<>();
    for (SchemeRow row : store.schemeRows()) {
      if (row.source() != null) {
        byCode.put(row.source().code(), row.id());
      }
    }
    if (!byCode.keySet().containsAll(APPLIED)) {
      return 0;
    }
    LocalDate month = LocalDate.now(clock.withZone(store.zone())).withDayOfMonth(1);
    KpiFeed.Facts facts =
        feed.read(c, List.of(KpiPeriod.month(month.getYear(), month.getMonthValue())));
    // the head of sales heads a top department; the heads of its teams sell like the others
    Set<Long> departments = new HashSet<>();
    facts.teams().forEach(t -> departments.add(t.departmentId()));
    Set<Long> heads = new HashSet<>();
    for (KpiFeed.Team t : facts.teams()) {
      if (t.headEmployeeId() != null
          && (t.parentId() == null || !departments.contains(t.parentId()))) {
        heads.add(t.headEmployeeId());
      }
    }
    LocalDate from = month.minusMonths(13);
    int n = 0;
    int others = 0;
    for (KpiFeed.Staff staff : facts.staff()) {
      if (!staff.active()) {
        continue;
      }
      String code =
          heads.contains(staff.employeeId())
              ? "head_of_sales"
              : (others++ % 2 == 0 ? "account_manager" : "acquisition_manager");
      LocalDate start =
          staff.hiredOn() != null && staff.hiredOn().isAfter(from) ? staff.hiredOn() : from;
      store.insertAssignment(
          new SchemeCatalog.AssignmentView(
              UUID.randomUUID(), staff.employeeId(), byCode.get(code), start, null),
          clock.instant(),
          null);
      n++;
    }
    return n;
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
