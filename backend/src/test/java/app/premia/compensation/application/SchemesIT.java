package app.premia.compensation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.LibraryStore.TemplateRow;
import app.premia.compensation.application.LibraryStore.TemplateVersionRow;
import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.application.SchemeStore.ProposalRow;
import app.premia.compensation.application.SchemeStore.SchemeRow;
import app.premia.compensation.domain.Change;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeDiff;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.compensation.domain.TemplateSeed;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiUnitKind;
import app.premia.kpi.application.Plans;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiScope;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import app.premia.platform.migration.DatabaseMigrator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schemes, versions, assignments, the template library and proposals against the real PostgreSQL
 * schema (plain JDBC, no container, like the KPI ITs): the changelog is applied by {@link
 * DatabaseMigrator}, fixtures are made as the owner role, the use cases run as the runtime role
 * under row-level security and commit, so what is checked is what another transaction sees.
 *
 * <p>Definitions come from {@link TemplateLibraryDefaults} (valid by construction), with the base
 * salary changed where a test needs two different definitions.
 */
public class SchemesIT {

  /** 2026-02-15 13:00 Moscow: January is closed, February is the current month. */
  public static final Clock MID_FEBRUARY =
      Clock.fixed(Instant.parse("2026-02-15T10:00:00Z"), ZoneOffset.UTC);

  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
  static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
  static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

  static final long ANNA = 301;
  static final long BORIS = 302;

  public static final List<KpiDescriptor> CATALOGUE =
      Arrays.stream(Kpi.values())
          .filter(k -> k != Kpi.FUNNEL_STAGE_CONVERSION)
          .map(SchemesIT::descriptor)
          .toList();

  static UUID consultancy;
  static UUID otherConsultancy;

  @BeforeAll
  public static void migrate() throws SQLException {
    new DatabaseMigrator(
            env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"), env("DB_USER"))
        .migrate();
    consultancy = newConsultancy();
    otherConsultancy = newConsultancy();
  }

  // ---------------------------------------------------------------------------------------------
  // versions
  // ---------------------------------------------------------------------------------------------

  @Test
  void publishedVersion_isImmutable_inCode_andInTheDatabase_forEveryRole() throws SQLException {
    UUID tenant = newTenant(consultancy);
    VersionView published =
        inTenant(
            tenant,
            s -> {
              SchemeRow scheme = s.create("Менеджеры", SalesRole.ACCOUNT, definition("60000"));
              VersionView draft = s.store().draft(scheme.id()).orElseThrow();
              return s.publish(draft.id(), MAR_1);
            });

    inTenant(
        tenant,
        s -> {
          BusinessRuleException again =
              assertThrows(BusinessRuleException.class, () -> s.publish(published.id(), APR_1));
          assertEquals(UserError.Code.CONFLICT, again.errors().get(0).code());
          VersionView stored = s.store().versionRow(published.id()).orElseThrow();
          assertTrue(stored.published());
          assertThrows(
              SchemeStore.PublishedVersionException.class,
              () -> s.store().updateDraft(stored, definition("1")));
          assertThrows(
              SchemeStore.PublishedVersionException.class, () -> s.store().deleteDraft(stored));
          return null;
        });

    for (boolean asOwner : List.of(false, true)) {
      for (String sql :
          List.of(
              "UPDATE comp_scheme_version SET definition = '{}'::jsonb WHERE id = ?",
              "UPDATE comp_scheme_version SET effective_from = '2026-04-01' WHERE id = ?",
              "DELETE FROM comp_scheme_version WHERE id = ?")) {
        try (Connection c = asOwner ? owner() : runtime()) {
          c.setAutoCommit(false);
          context(c, tenant, null);
          SQLException refused =
              assertThrows(SQLException.class, () -> update(c, sql, published.id()));
          assertEquals("42501", refused.getSQLState(), (asOwner ? "owner: " : "app: ") + sql);
          c.rollback();
        }
      }
    }
    inTenant(
        tenant,
        s -> {
          VersionView after = s.store().versionRow(published.id()).orElseThrow();
          assertEquals(MAR_1, after.effectiveFrom());
          assertEquals(0, new BigDecimal("60000").compareTo(after.definition().baseSalary()));
          return null;
        });
  }

  @Test
  void draft_canBeEdited_andThereIsOnlyOne() throws SQLException {
    UUID tenant = newTenant(consultancy);
    SchemeRow scheme =
        inTenant(tenant, s -> s.create("Привлечение", SalesRole.ACQUISITION, definition("50000")));
    VersionView first = inTenant(tenant, s -> s.saveDraft(scheme.id(), definition("51000"), null));
    VersionView second =
        inTenant(tenant, s -> s.saveDraft(scheme.id(), definition("52000"), "Привлечение 2026"));
    assertEquals(first.id(), second.id(), "the same draft is edited, not a new one made");
    assertEquals(1, second.number());
    inTenant(
        tenant,
        s -> {
          VersionView stored = s.store().draft(scheme.id()).orElseThrow();
          assertEquals(0, new BigDecimal("52000").compareTo(stored.definition().baseSalary()));
          assertEquals("Привлечение 2026", s.store().schemeRow(scheme.id()).orElseThrow().name());
          assertEquals(1, s.store().versions(scheme.id()).size());
          return null;
        });
    // a second draft row is refused by the database (partial unique index)
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  update(
                      c,
                      "INSERT INTO comp_scheme_version (id, tenant_id, scheme_id, number, status,"
                          + " definition, created_at) VALUES (?, ?, ?, 2, 'DRAFT', '{}', now())",
                      UUID.randomUUID(),
                      tenant,
                      scheme.id()));
      assertEquals("23505", refused.getSQLState());
      c.rollback();
    }
    // discarding removes it; the next save starts a new draft with the next number
    inTenant(tenant, s -> s.discardDraft(scheme.id()));
    VersionView fresh = inTenant(tenant, s -> s.saveDraft(scheme.id(), definition("53000"), null));
    assertNotEquals(first.id(), fresh.id());
  }

  @Test
  void publishing_needsTheFirstOfAnOpenMonth_notTakenYet() throws SQLException {
    UUID tenant = newTenant(consultancy);
    SchemeRow scheme =
        inTenant(tenant, s -> s.create("Руководитель", SalesRole.HEAD_OF_SALES, definition("9")));
    UUID draft = inTenant(tenant, s -> s.store().draft(scheme.id()).orElseThrow().id());

    assertRefused(tenant, s -> s.publish(draft, JAN_1), UserError.Code.INVALID, "effectiveFrom");
    assertRefused(
        tenant,
        s -> s.publish(draft, LocalDate.of(2026, 3, 2)),
        UserError.Code.INVALID,
        "effectiveFrom");
    // the current month (February in Moscow) is still open
    VersionView feb = inTenant(tenant, s -> s.publish(draft, FEB_1));
    assertEquals(FEB_1, feb.effectiveFrom());

    VersionView next = inTenant(tenant, s -> s.saveDraft(scheme.id(), definition("10"), null));
    assertEquals(2, next.number());
    assertRefused(
        tenant, s -> s.publish(next.id(), FEB_1), UserError.Code.DUPLICATE, "effectiveFrom");
    inTenant(tenant, s -> s.publish(next.id(), MAR_1));
    inTenant(
        tenant,
        s -> {
          assertEquals(
              feb.id(),
              s.store().inForce(scheme.id(), LocalDate.of(2026, 2, 28)).orElseThrow().id());
          assertEquals(next.id(), s.store().inForce(scheme.id(), MAR_1).orElseThrow().id());
          assertTrue(s.store().inForce(scheme.id(), JAN_1).isEmpty());
          VersionView third = s.saveDraft(scheme.id(), definition("11"), null);
          assertEquals(
              List.of(feb.id(), next.id(), third.id()),
              s.store().versions(scheme.id()).stream().map(VersionView::id).toList(),
              "the catalogue's order: published by effective month, then the draft");
          s.discardDraft(scheme.id());
          return null;
        });
    // the publication is in the audit log
    assertEquals(
        2,
        countIn(
            tenant, "SELECT count(*) FROM audit_event WHERE action = 'scheme_version.published'"));
  }

  @Test
  void names_areUnique_andDefinitionProblemsNameTheirField() throws SQLException {
    UUID tenant = newTenant(consultancy);
    inTenant(tenant, s -> s.create("Схема", SalesRole.ACCOUNT, definition("1")));
    assertRefused(
        tenant,
        s -> s.create(" схема ", SalesRole.ACCOUNT, definition("1")),
        UserError.Code.DUPLICATE,
        "name");
    assertRefused(
        tenant,
        s -> s.create("  ", SalesRole.ACCOUNT, definition("1")),
        UserError.Code.REQUIRED,
        "name");
  }

  // ---------------------------------------------------------------------------------------------
  // assignments
  // ---------------------------------------------------------------------------------------------

  @Test
  void assigning_endsTheOpenAssignment_andRefusesOverlaps() throws SQLException {
    UUID tenant = newTenant(consultancy);
    employee(tenant, ANNA);
    SchemeRow a = inTenant(tenant, s -> s.create("A", SalesRole.ACCOUNT, definition("1")));
    SchemeRow b = inTenant(tenant, s -> s.create("B", SalesRole.ACCOUNT, definition("1")));

    assertRefused(
        tenant, s -> s.assign(BORIS, a.id(), JAN_1), UserError.Code.NOT_FOUND, "employeeId");

    AssignmentView first = inTenant(tenant, s -> s.assign(ANNA, a.id(), JAN_1));
    AssignmentView second = inTenant(tenant, s -> s.assign(ANNA, b.id(), MAR_1));
    inTenant(
        tenant,
        s -> {
          AssignmentView ended = s.store().assignment(first.id()).orElseThrow();
          assertEquals(LocalDate.of(2026, 2, 28), ended.validTo(), "ended the day before");
          assertEquals(
              List.of(first.id()),
              s.store().assignments(FEB_1, FEB_1).stream().map(AssignmentView::id).toList());
          assertEquals(
              List.of(second.id()),
              s.store().assignments(MAR_1, MAR_1).stream().map(AssignmentView::id).toList());
          return null;
        });
    // starting inside the closed one, or on the open one's first day, overlaps
    assertRefused(
        tenant,
        s -> s.assign(ANNA, a.id(), LocalDate.of(2026, 2, 10)),
        UserError.Code.CONFLICT,
        "validFrom");
    assertRefused(tenant, s -> s.assign(ANNA, a.id(), MAR_1), UserError.Code.CONFLICT, "validFrom");
    assertRefused(
        tenant,
        s -> s.endAssignment(second.id(), LocalDate.of(2026, 2, 27)),
        UserError.Code.INVALID,
        "validTo");
    AssignmentView ended =
        inTenant(tenant, s -> s.endAssignment(second.id(), LocalDate.of(2026, 6, 30)));
    assertEquals(LocalDate.of(2026, 6, 30), ended.validTo());
  }

  // ---------------------------------------------------------------------------------------------
  // the library
  // ---------------------------------------------------------------------------------------------

  @Test
  void librarySeeding_isIdempotent() throws SQLException {
    UUID own = newConsultancy();
    int defaults = TemplateLibraryDefaults.templates().size();
    assertEquals(Integer.valueOf(defaults), inLibrary(own, Library::ensureSeeded));
    assertEquals(Integer.valueOf(0), inLibrary(own, Library::ensureSeeded));
    inLibrary(
        own,
        l -> {
          List<TemplateRow> templates = l.store().templates();
          assertEquals(defaults, templates.size());
          for (TemplateRow t : templates) {
            List<TemplateVersionRow> versions = l.store().versionsOf(List.of(t.id())).get(t.id());
            assertEquals(1, versions.size(), t.code());
            assertEquals(1, versions.get(0).number());
          }
          return null;
        });
  }

  @Test
  void libraryVersions_areAppendOnly() throws SQLException {
    UUID own = newConsultancy();
    inLibrary(own, Library::ensureSeeded);
    TemplateRow template = inLibrary(own, l -> l.store().templateByCode(code(0)).orElseThrow());
    assertRefused(
        () -> inLibrary(own, l -> l.publish(template.id(), null)), UserError.Code.CONFLICT);
    inLibrary(own, l -> l.saveDraft(template.id(), definition("70000")));
    TemplateVersionRow v2 = inLibrary(own, l -> l.publish(template.id(), "оклад выше"));
    assertEquals(2, v2.number());
    inLibrary(
        own,
        l -> {
          assertNull(l.store().template(template.id()).orElseThrow().draft(), "draft cleared");
          List<TemplateVersionRow> versions =
              l.store().versionsOf(List.of(template.id())).get(template.id());
          assertEquals(List.of(2, 1), versions.stream().map(TemplateVersionRow::number).toList());
          return null;
        });
    for (String sql :
        List.of(
            "UPDATE library_template_version SET note = 'x' WHERE id = ?",
            "DELETE FROM library_template_version WHERE id = ?")) {
      try (Connection c = runtime()) {
        c.setAutoCommit(false);
        context(c, null, own);
        SQLException refused = assertThrows(SQLException.class, () -> update(c, sql, v2.id()));
        assertEquals("42501", refused.getSQLState(), sql);
        c.rollback();
      }
    }
  }

  @Test
  void apply_edit_publish() throws SQLException {
    UUID own = newConsultancy();
    UUID tenant = newTenant(own);
    inLibrary(own, Library::ensureSeeded);
    TemplateRow template = inLibrary(own, l -> l.store().templateByCode(code(0)).orElseThrow());
    // a scheme already has the template's name: the copy gets a suffix
    inTenant(tenant, own, s -> s.create(template.nameRu(), SalesRole.CUSTOM, definition("1")));
    List<SchemeRow> applied =
        inTenant(
            tenant,
            own,
            s ->
                s.applyTemplates(
                    new LibraryStore(s.store().connection(), own), List.of(template.id())));
    assertEquals(1, applied.size());
    SchemeRow scheme = applied.get(0);
    assertEquals(template.nameRu() + " (2)", scheme.name());
    assertEquals(template.salesRole(), scheme.salesRole());
    assertEquals(code(0), scheme.source().code());
    assertEquals(1, scheme.source().libraryVersion());
    VersionView draft =
        inTenant(
            tenant,
            s -> {
              VersionView d = s.store().draft(scheme.id()).orElseThrow();
              assertEquals(1, d.number());
              assertEquals(
                  0,
                  seed(0).definition().baseSalary().compareTo(d.definition().baseSalary()),
                  "a copy of the template's definition");
              return d;
            });
    inTenant(tenant, s -> s.saveDraft(scheme.id(), definition("65000"), null));
    VersionView published = inTenant(tenant, s -> s.publish(draft.id(), MAR_1));
    assertEquals(0, new BigDecimal("65000").compareTo(published.definition().baseSalary()));
    // an unknown template id is refused before anything is written
    assertRefused(
        tenant,
        own,
        s ->
            s.applyTemplates(
                new LibraryStore(s.store().connection(), own), List.of(UUID.randomUUID())),
        UserError.Code.NOT_FOUND,
        "templateIds");
  }

  @Test
  void offer_proposal_diff_accept_and_reject() throws SQLException {
    UUID own = newConsultancy();
    UUID accepting = newTenant(own);
    UUID rejecting = newTenant(own);
    inLibrary(own, Library::ensureSeeded);
    TemplateRow template = inLibrary(own, l -> l.store().templateByCode(code(0)).orElseThrow());
    UUID acceptingScheme = applyAndPublish(accepting, own, template.id());
    UUID rejectingScheme = applyAndPublish(rejecting, own, template.id());

    // nothing to offer while every company has the latest version
    assertEquals(Integer.valueOf(0), inLibrary(own, l -> l.offer(template.id(), null, null)));
    SchemeDefinition raised = definition("99000");
    inLibrary(own, l -> l.saveDraft(template.id(), raised));
    inLibrary(own, l -> l.publish(template.id(), null));
    assertEquals(
        Integer.valueOf(2), inLibrary(own, l -> l.offer(template.id(), null, "новый оклад")));
    assertEquals(
        Integer.valueOf(0),
        inLibrary(own, l -> l.offer(template.id(), null, null)),
        "one open per version");

    ProposalRow proposal =
        inTenant(
            accepting,
            s -> {
              List<ProposalRow> proposals =
                  s.store().proposalsOf(List.of(acceptingScheme)).get(acceptingScheme);
              assertEquals(1, proposals.size());
              ProposalRow p = proposals.get(0);
              assertEquals("OPEN", p.status());
              assertEquals(2, p.libraryVersion());
              assertEquals("новый оклад", p.note());
              VersionView current = s.store().latestPublished(acceptingScheme).orElseThrow();
              List<Change> changes = SchemeDiff.between(current.definition(), p.definition());
              assertFalse(changes.isEmpty(), "the base salary changed");
              return p;
            });
    VersionView draft = inTenant(accepting, s -> s.acceptProposal(proposal.id(), "берём"));
    inTenant(
        accepting,
        s -> {
          assertEquals("ACCEPTED", s.store().proposal(proposal.id()).orElseThrow().status());
          assertEquals(
              0,
              new BigDecimal("99000")
                  .compareTo(
                      s.store().draft(acceptingScheme).orElseThrow().definition().baseSalary()));
          assertEquals(
              1,
              s.store().schemeRow(acceptingScheme).orElseThrow().source().libraryVersion(),
              "the scheme follows version 2 only once the draft is published");
          return null;
        });
    assertRefused(
        accepting,
        s -> s.acceptProposal(proposal.id(), null),
        UserError.Code.CONFLICT,
        "proposalId");
    inTenant(accepting, s -> s.publish(draft.id(), APR_1));
    assertEquals(
        Integer.valueOf(2),
        inTenant(
            accepting,
            s -> s.store().schemeRow(acceptingScheme).orElseThrow().source().libraryVersion()));

    ProposalRow toReject =
        inTenant(
            rejecting,
            s -> s.store().proposalsOf(List.of(rejectingScheme)).get(rejectingScheme).get(0));
    ProposalRow rejected = inTenant(rejecting, s -> s.rejectProposal(toReject.id(), "дорого"));
    assertEquals("REJECTED", rejected.status());
    assertEquals("дорого", rejected.comment());
    inTenant(
        rejecting,
        s -> {
          assertTrue(s.store().draft(rejectingScheme).isEmpty(), "rejecting changes nothing");
          return null;
        });
    // the library shows each company's version and its latest proposal's status
    inLibrary(
        own,
        l -> {
          List<LibraryStore.Adoption> adoptions =
              l.store().adoptions(List.of(template.id())).get(template.id());
          assertEquals(2, adoptions.size());
          for (LibraryStore.Adoption a : adoptions) {
            if (a.tenantId().equals(accepting)) {
              assertEquals(2, a.libraryVersion());
              assertEquals("ACCEPTED", a.proposalStatus());
            } else {
              assertEquals(1, a.libraryVersion());
              assertEquals("REJECTED", a.proposalStatus());
            }
          }
          return null;
        });
  }

  @Test
  void aConsultant_offersOnlyToTheCompaniesHeIsAssignedTo_theOwnerToAll() throws SQLException {
    UUID own = newConsultancy();
    UUID assigned = newTenant(own);
    UUID notAssigned = newTenant(own);
    UUID owner = newUser();
    UUID consultant = newUser();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, assigned, own);
      update(
          c,
          "INSERT INTO consultancy_member (consultancy_id, user_id, role) VALUES (?, ?, 'OWNER'),"
              + " (?, ?, 'CONSULTANT')",
          own,
          owner,
          own,
          consultant);
      update(
          c,
          "INSERT INTO consultant_assignment (tenant_id, user_id, consultancy_id, assigned_at)"
              + " VALUES (?, ?, ?, now())",
          assigned,
          consultant,
          own);
      c.commit();
    }
    inLibrary(own, Library::ensureSeeded);
    UUID template = inLibrary(own, l -> l.store().templateByCode(code(0)).orElseThrow().id());
    applyAndPublish(assigned, own, template);
    applyAndPublish(notAssigned, own, template);
    inLibrary(own, l -> l.saveDraft(template, definition("77000")));
    inLibrary(own, l -> l.publish(template, null));

    assertEquals(
        List.of(assigned),
        inLibraryAs(
            own,
            consultant,
            l ->
                l.store().adoptions(List.of(template)).get(template).stream()
                    .map(LibraryStore.Adoption::tenantId)
                    .toList()));
    // naming the company he is not assigned to offers nothing there
    assertEquals(
        Integer.valueOf(0),
        inLibraryAs(own, consultant, l -> l.offer(template, List.of(notAssigned), null)));
    assertEquals(
        Integer.valueOf(1), inLibraryAs(own, consultant, l -> l.offer(template, null, null)));
    assertEquals(Integer.valueOf(1), inLibraryAs(own, owner, l -> l.offer(template, null, null)));
    assertEquals(1, countIn(notAssigned, "SELECT count(*) FROM comp_proposal"));
  }

  // ---------------------------------------------------------------------------------------------
  // isolation
  // ---------------------------------------------------------------------------------------------

  @Test
  void anotherConsultancy_seesNothingOfTheLibrary() throws SQLException {
    UUID own = newConsultancy();
    inLibrary(own, Library::ensureSeeded);
    UUID template = inLibrary(own, l -> l.store().templates().get(0).id());
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, null, otherConsultancy);
      assertEquals(
          0,
          count(c, "SELECT count(*) FROM library_template WHERE consultancy_id = '" + own + "'"));
      assertEquals(
          0,
          count(
              c,
              "SELECT count(*) FROM library_template_version WHERE consultancy_id = '"
                  + own
                  + "'"));
      // even naming the other consultancy's id explicitly: row-level security answers first
      LibraryStore foreign = new LibraryStore(c, own);
      assertEquals(List.of(), foreign.templates());
      assertTrue(foreign.template(template).isEmpty());
      assertEquals(0, update(c, "UPDATE library_template SET draft = NULL WHERE id = ?", template));
      c.rollback();
    }
    // and a tenant's own people (no consultancy) see no library at all
    UUID tenant = newTenant(own);
    assertEquals(0, countIn(tenant, "SELECT count(*) FROM library_template"));
  }

  @Test
  void anotherTenant_readsNothing() throws SQLException {
    UUID own = newConsultancy();
    UUID a = newTenant(own);
    UUID b = newTenant(own);
    employee(a, ANNA);
    inLibrary(own, Library::ensureSeeded);
    UUID template = inLibrary(own, l -> l.store().templates().get(0).id());
    UUID scheme = applyAndPublish(a, own, template);
    inTenant(a, s -> s.assign(ANNA, scheme, FEB_1));
    inLibrary(own, l -> l.saveDraft(template, definition("1234")));
    inLibrary(own, l -> l.publish(template, null));
    assertEquals(Integer.valueOf(1), inLibrary(own, l -> l.offer(template, List.of(a), null)));
    UUID version = inTenant(a, s -> s.store().versions(scheme).get(0).id());
    UUID proposal =
        inTenant(a, s -> s.store().proposalsOf(List.of(scheme)).get(scheme).get(0).id());

    inTenant(
        b,
        s -> {
          SchemeStore store = s.store();
          assertEquals(List.of(), store.schemes());
          assertTrue(store.scheme(scheme).isEmpty());
          assertTrue(store.version(version).isEmpty());
          assertEquals(List.of(), store.assignments(JAN_1, APR_1));
          assertTrue(store.proposal(proposal).isEmpty());
          // naming tenant A explicitly on B's connection: row-level security still answers nothing
          SchemeStore foreign = new SchemeStore(store.connection(), a);
          assertEquals(List.of(), foreign.schemes());
          assertTrue(foreign.version(version).isEmpty());
          assertEquals(List.of(), foreign.assignments(JAN_1, APR_1));
          assertTrue(foreign.proposal(proposal).isEmpty());
          for (String table :
              List.of("comp_scheme", "comp_scheme_version", "comp_assignment", "comp_proposal")) {
            assertEquals(0, count(store.connection(), "SELECT count(*) FROM " + table), table);
          }
          assertRefusedSql(
              () ->
                  update(
                      store.connection(),
                      "INSERT INTO comp_assignment (id, tenant_id, employee_id, scheme_id,"
                          + " valid_from, created_at) VALUES (?, ?, 1, ?, '2026-01-01', now())",
                      UUID.randomUUID(),
                      a,
                      scheme));
          return null;
        });
    // and A sees its own
    assertEquals(1, countIn(a, "SELECT count(*) FROM comp_assignment"));
  }

  // ---------------------------------------------------------------------------------------------
  // fixtures and helpers
  // ---------------------------------------------------------------------------------------------

  /** Applies the template in the tenant and publishes its draft from March. */
  static UUID applyAndPublish(UUID tenant, UUID own, UUID template) throws SQLException {
    return inTenant(
        tenant,
        own,
        s -> {
          SchemeRow scheme =
              s.applyTemplates(new LibraryStore(s.store().connection(), own), List.of(template))
                  .get(0);
          s.publish(s.store().draft(scheme.id()).orElseThrow().id(), MAR_1);
          return scheme.id();
        });
  }

  static TemplateSeed seed(int index) {
    return TemplateLibraryDefaults.templates().stream()
        .sorted(java.util.Comparator.comparing(TemplateSeed::code))
        .toList()
        .get(index);
  }

  static String code(int index) {
    return seed(index).code();
  }

  /** The first default template's definition with another base salary. */
  static SchemeDefinition definition(String baseSalary) {
    SchemeDefinition d = seed(0).definition();
    return new SchemeDefinition(
        new BigDecimal(baseSalary), d.components(), d.cap(), d.floor(), d.adaptation());
  }

  static KpiDescriptor descriptor(Kpi kpi) {
    return new KpiDescriptor(
        kpi.code(),
        switch (kpi.unit()) {
          case MONEY -> KpiUnitKind.MONEY;
          case COUNT -> KpiUnitKind.COUNT;
          case PERCENT -> KpiUnitKind.PERCENT;
          case NPS_SCORE -> KpiUnitKind.SCORE;
        },
        kpi.scope() == KpiScope.DEPARTMENT,
        Plans.PLANNABLE.contains(kpi),
        kpi.nameRu(),
        kpi.nameEn(),
        kpi.definitionRu(),
        kpi.definitionEn());
  }

  interface SchemeWork<T> {
    T run(Schemes schemes) throws SQLException;
  }

  interface LibraryWork<T> {
    T run(Library library) throws SQLException;
  }

  interface Refused {
    void run() throws SQLException;
  }

  static <T> T inTenant(UUID tenant, SchemeWork<T> work) throws SQLException {
    return inTenant(tenant, null, work);
  }

  /** Runs the use cases in the tenant (and, for consultancy people, their consultancy). */
  static <T> T inTenant(UUID tenant, UUID consultancyId, SchemeWork<T> work) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, consultancyId);
      try {
        T result =
            work.run(
                new Schemes(
                    new SchemeStore(c, tenant),
                    new SchemeValidator(CATALOGUE),
                    Audit.jdbc(c, null, null, MID_FEBRUARY),
                    MID_FEBRUARY,
                    null,
                    "ru"));
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  static <T> T inLibrary(UUID consultancyId, LibraryWork<T> work) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, null, consultancyId);
      try {
        T result =
            work.run(
                new Library(
                    new LibraryStore(c, consultancyId),
                    new SchemeValidator(CATALOGUE),
                    Audit.jdbc(c, consultancyId, null, MID_FEBRUARY),
                    MID_FEBRUARY,
                    null,
                    "ru"));
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The library as one of the consultancy's people sees it. */
  static <T> T inLibraryAs(UUID consultancyId, UUID user, LibraryWork<T> work) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, null, consultancyId);
      T result =
          work.run(
              new Library(
                  new LibraryStore(c, consultancyId, user),
                  new SchemeValidator(CATALOGUE),
                  Audit.jdbc(c, consultancyId, user, MID_FEBRUARY),
                  MID_FEBRUARY,
                  user,
                  "ru"));
      c.commit();
      return result;
    }
  }

  static UUID newUser() throws SQLException {
    UUID user = UUID.randomUUID();
    try (Connection c = owner()) {
      update(
          c,
          "INSERT INTO app_user (id, email, display_name, created_at) VALUES (?, ?, ?, now())",
          user,
          user + "@schemes.test",
          "Consultancy person");
    }
    return user;
  }

  static void assertRefused(UUID tenant, SchemeWork<?> work, UserError.Code code, String field)
      throws SQLException {
    assertRefused(tenant, null, work, code, field);
  }

  static void assertRefused(
      UUID tenant, UUID consultancyId, SchemeWork<?> work, UserError.Code code, String field)
      throws SQLException {
    long before = countIn(tenant, "SELECT count(*) FROM audit_event");
    BusinessRuleException refused =
        assertThrows(BusinessRuleException.class, () -> inTenant(tenant, consultancyId, work));
    assertEquals(code, refused.errors().get(0).code(), refused.getMessage());
    assertEquals("input", refused.errors().get(0).field().get(0));
    assertEquals(field, refused.errors().get(0).field().get(1));
    assertEquals(before, countIn(tenant, "SELECT count(*) FROM audit_event"), "nothing written");
  }

  static void assertRefused(Refused work, UserError.Code code) {
    BusinessRuleException refused = assertThrows(BusinessRuleException.class, work::run);
    assertEquals(code, refused.errors().get(0).code());
  }

  static void assertRefusedSql(Refused work) {
    SQLException refused = assertThrows(SQLException.class, work::run);
    assertEquals("42501", refused.getSQLState());
  }

  public static UUID newConsultancy() throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = owner()) {
      update(
          c,
          "INSERT INTO consultancy (id, name, created_at) VALUES (?, ?, now())",
          id,
          "Schemes test " + id);
    }
    return id;
  }

  public static UUID newTenant(UUID consultancyId) throws SQLException {
    UUID tenant = UUID.randomUUID();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, tenant, consultancyId);
      update(
          c,
          "INSERT INTO tenant (id, consultancy_id, name, time_zone, currency_code, created_at)"
              + " VALUES (?, ?, ?, 'Europe/Moscow', 'RUB', now())",
          tenant,
          consultancyId,
          "Schemes " + tenant);
      c.commit();
    }
    return tenant;
  }

  static void employee(UUID tenant, long id) throws SQLException {
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      update(
          c,
          "INSERT INTO crm_employee (tenant_id, id, active, first_name, department_ids, synced_at)"
              + " VALUES (?, ?, true, ?, '{}', now())",
          tenant,
          id,
          "E" + id);
      c.commit();
    }
  }

  static long countIn(UUID tenant, String sql) throws SQLException {
    try (Connection c = runtime()) {
      c.setAutoCommit(false);
      context(c, tenant, null);
      long n = count(c, sql);
      c.rollback();
      return n;
    }
  }

  public static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  public static void context(Connection c, UUID tenantId, UUID consultancyId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.consultancy_id', ?,"
                + " true), set_config('app.user_id', '', true)")) {
      s.setString(1, tenantId == null ? "" : tenantId.toString());
      s.setString(2, consultancyId == null ? "" : consultancyId.toString());
      s.execute();
    }
  }

  static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        env("DB_URL"), env("DB_OWNER_USER"), env("DB_OWNER_PASSWORD"));
  }

  public static Connection runtime() throws SQLException {
    return DriverManager.getConnection(env("DB_URL"), env("DB_USER"), env("DB_PASSWORD"));
  }

  static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run this test through failsafe");
    }
    return value;
  }
}
