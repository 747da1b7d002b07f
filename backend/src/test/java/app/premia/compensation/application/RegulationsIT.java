package app.premia.compensation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.RegulationsStore.AcknowledgementRow;
import app.premia.compensation.application.RegulationsStore.DocumentRow;
import app.premia.compensation.domain.regulations.DocBlock;
import app.premia.compensation.domain.regulations.DocSection;
import app.premia.compensation.domain.regulations.RegulationsDiff;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import app.premia.compensation.domain.regulations.WorkedExample;
import app.premia.kpi.application.KpiFeedService;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regulations against the real schema ({@link PayrollFixture}: «Объём», 5 % of sales volume
 * above 100 000, base 50 000; Anna and Boris assigned, Vera on no scheme; today is 2026-04-10).
 * Every use case runs as the runtime role under row-level security and commits.
 */
class RegulationsIT {

  static final KpiFeedService FEED = new KpiFeedService();
  static final LocalDate MAY = LocalDate.of(2026, 5, 1);
  static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
  static final LocalDate JULY = LocalDate.of(2026, 7, 1);

  PayrollFixture fixture;
  UUID admin;
  UUID anna;

  @BeforeEach
  void fixture() throws SQLException {
    fixture = new PayrollFixture();
    admin = PayrollFixture.user("admin");
    anna = PayrollFixture.user("Анна");
  }

  interface Work<T> {
    T run(Regulations regulations) throws SQLException;
  }

  /** One committed unit of work as the runtime role in the tenant. */
  <T> T inTenant(Work<T> work) throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      try {
        T result =
            work.run(
                new Regulations(
                    new RegulationsStore(c, fixture.tenant),
                    new SchemeStore(c, fixture.tenant),
                    FEED.catalogue(),
                    Audit.NONE,
                    PayrollFixture.APRIL,
                    admin,
                    "ru"));
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  static String text(RegulationsDocument d, String language) {
    StringBuilder out = new StringBuilder();
    for (DocSection s : d.sections()) {
      out.append(s.title().in(language)).append('\n');
      for (DocBlock b : s.blocks()) {
        b.texts(language).forEach(t -> out.append(t).append('\n'));
      }
    }
    return out.toString();
  }

  /** Numbers as «#», an amount in words «(… рублей … копеек)» as «(#)». */
  static String numbersBlanked(String paragraph) {
    return paragraph
        .replaceAll("\\([^()]*рубл[^()]*\\)", "(#)")
        .replaceAll("[0-9][0-9\\s\u00A0\u202F,.]*[0-9]|[0-9]", "#");
  }

  static String roleSection(UUID scheme) {
    return "role:" + scheme;
  }

  @Test
  void aNewSchemeVersion_offersADraft_whoseTextAndExamplesShowTheNewRate_andTheDiffShowsOnlyThat()
      throws SQLException {
    DocumentRow first = inTenant(r -> r.publish(r.createDraft(MAY).id(), null));
    assertTrue(first.published());
    boolean fresh = inTenant(r -> !r.outdated().outdated());
    assertTrue(fresh, "nothing published since");
    RegulationsDocument v1 = inTenant(r -> r.document(first));
    assertTrue(text(v1, "ru").contains("5\u00A0%"), "version 1 prints the rate");

    // the sales head publishes 6 % from June: the regulations are outdated and a draft is offered
    fixture.publish(JUNE, PayrollFixture.percent("6"));
    Regulations.Outdated outdated = inTenant(Regulations::outdated);
    assertTrue(outdated.outdated());
    assertEquals("Объём", outdated.by().get(0).schemeName());
    DocumentRow draft = inTenant(r -> r.offerDraft(JUNE).orElseThrow());
    assertEquals(2, draft.number());
    assertEquals(JUNE, draft.effectiveFrom());
    assertTrue(inTenant(r -> r.offerDraft(JUNE)).isEmpty(), "one draft at a time");

    RegulationsDocument v2 = inTenant(r -> r.document(draft));
    String role = roleSection(fixture.scheme);
    String v2Role =
        text(
            new RegulationsDocument(
                v2.title(),
                v2.company(),
                v2.number(),
                v2.effectiveFrom(),
                v2.sections().stream().filter(s -> s.key().equals(role)).toList(),
                List.of()),
            "ru");
    assertTrue(v2Role.contains("6\u00A0%"), v2Role);
    assertFalse(
        v2Role.contains("5\u00A0%"), "the old rate is gone from the role's section: " + v2Role);
    // every worked example of the role is computed by the engine on the new rate
    List<WorkedExample> examples =
        v2.examples().stream().filter(e -> e.sectionKey().equals(role)).toList();
    assertFalse(examples.isEmpty(), "the role's section has worked examples");
    for (WorkedExample e : examples) {
      assertTrue(
          e.definition().components().stream()
              .anyMatch(
                  c ->
                      c.rule() instanceof app.premia.compensation.domain.PercentRule p
                          && p.ratePercent().compareTo(java.math.BigDecimal.valueOf(6)) == 0),
          "the example runs the new version's rule: " + e);
    }

    RegulationsDiff diff = inTenant(r -> RegulationsDiff.between(v1, r.document(draft), "ru"));
    assertFalse(diff.changes().isEmpty());
    StringBuilder removed = new StringBuilder();
    StringBuilder added = new StringBuilder();
    for (RegulationsDiff.Change c : diff.changes()) {
      assertEquals(role, c.sectionKey(), "only the role's section changed: " + c);
      assertEquals(RegulationsDiff.Kind.CHANGED, c.kind(), c.toString());
      // the paragraph is the same once its numbers (and an amount's words) are blanked out
      assertEquals(numbersBlanked(c.before()), numbersBlanked(c.after()), "only numbers change");
      for (RegulationsDiff.Segment s : c.segments()) {
        if (s.kind() != RegulationsDiff.SegmentKind.SAME) {
          (s.kind() == RegulationsDiff.SegmentKind.REMOVED ? removed : added).append(s.text());
        }
      }
    }
    assertTrue(removed.toString().contains("5"), removed.toString());
    assertTrue(added.toString().contains("6"), added.toString());

    // publishing it ends the outdated state
    inTenant(r -> r.publish(draft.id(), null));
    boolean stillOutdated = inTenant(r -> r.outdated().outdated());
    assertFalse(stillOutdated);
  }

  @Test
  void aPublishedVersion_isRefusedByTheApiAndTheDatabase() throws SQLException {
    DocumentRow v1 = inTenant(r -> r.publish(r.createDraft(MAY).id(), null));
    String before = dump();
    for (Work<?> attempt :
        List.<Work<?>>of(
            r -> r.updateDraft(v1.id(), JULY),
            r -> r.deleteDraft(v1.id()),
            r -> r.publish(v1.id(), JULY))) {
      BusinessRuleException e = assertThrows(BusinessRuleException.class, () -> inTenant(attempt));
      assertEquals(UserError.Code.CONFLICT, e.errors().get(0).code(), e.getMessage());
    }
    fixture.assertRefusedToEveryRole(
        List.of(
            "UPDATE reg_document SET content = '{}'",
            "UPDATE reg_document SET effective_from = '2030-01-01'",
            "UPDATE reg_document SET status = 'DRAFT'",
            "DELETE FROM reg_document"));
    // a version is never created published (it would skip the draft's checks)
    try (Connection c = fixture.tenantConnection()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  PayrollFixture.execute(
                      c,
                      "INSERT INTO reg_document (id, tenant_id, number, status, effective_from,"
                          + " content, basis, created_at, published_at) VALUES (?,"
                          + " premia_current_tenant(), 9, 'PUBLISHED', '2026-09-01', '{}', '[]',"
                          + " now(), now())",
                      UUID.randomUUID()));
      assertEquals("42501", e.getSQLState());
    }
    assertEquals(before, dump(), "the published version is byte-identical");
  }

  @Test
  void acknowledgements_areRecordedOnce_forThoseInScope_andSurviveANewerVersion()
      throws SQLException {
    DocumentRow v1 = inTenant(r -> r.publish(r.createDraft(MAY).id(), null));
    assertEquals(
        Set.of(PayrollFixture.ANNA, PayrollFixture.BORIS),
        inTenant(r -> r.scopeIds(v1)),
        "Anna and Boris are on the scheme, Vera is not");
    AcknowledgementRow first = inTenant(r -> r.acknowledge(v1.id(), PayrollFixture.ANNA, anna));
    assertNotNull(first.acknowledgedAt());
    assertEquals("Анна", first.userName());
    AcknowledgementRow again = inTenant(r -> r.acknowledge(v1.id(), PayrollFixture.ANNA, anna));
    assertEquals(first.acknowledgedAt(), again.acknowledgedAt(), "the first moment stands");
    BusinessRuleException vera =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(r -> r.acknowledge(v1.id(), PayrollFixture.VERA, anna)));
    assertEquals(UserError.Code.FORBIDDEN, vera.errors().get(0).code());
    Map<Long, String> reminders = inTenant(r -> r.reminders(v1));
    assertEquals(Set.of(PayrollFixture.BORIS), reminders.keySet(), "only Boris is pending");
    assertTrue(reminders.get(PayrollFixture.BORIS).contains("редакция № 1"));

    // an acknowledgement is a fact: nobody changes or removes it; a draft cannot be acknowledged
    DocumentRow draft = inTenant(r -> r.createDraft(JULY));
    BusinessRuleException onDraft =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(r -> r.acknowledge(draft.id(), PayrollFixture.ANNA, anna)));
    assertEquals(UserError.Code.NOT_FOUND, onDraft.errors().get(0).code());
    fixture.assertRefusedToEveryRole(
        List.of(
            "UPDATE reg_acknowledgement SET acknowledged_at = now()",
            "DELETE FROM reg_acknowledgement"));
    try (Connection c = fixture.tenantConnection()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  PayrollFixture.execute(
                      c,
                      "INSERT INTO reg_acknowledgement (id, tenant_id, document_id, employee_id,"
                          + " user_id, acknowledged_at) VALUES (?, premia_current_tenant(), ?, ?,"
                          + " ?, now())",
                      UUID.randomUUID(),
                      draft.id(),
                      PayrollFixture.BORIS,
                      anna));
      assertEquals("42501", e.getSQLState());
    }

    // version 2 is published: Anna's acknowledgement stays with version 1, version 2 is pending
    DocumentRow v2 = inTenant(r -> r.publish(draft.id(), null));
    Map<Long, AcknowledgementRow> ofV1 = inTenant(r -> r.store().acknowledgements(v1.id()));
    assertEquals(first.acknowledgedAt(), ofV1.get(PayrollFixture.ANNA).acknowledgedAt());
    assertTrue(inTenant(r -> r.store().acknowledgements(v2.id())).isEmpty());
    assertEquals(v2.id(), inTenant(r -> r.newestFor(PayrollFixture.ANNA)).orElseThrow().id());
    List<Regulations.ScopeEntry> scope1 = inTenant(r -> r.scope(v1));
    assertNotNull(
        scope1.stream()
            .filter(s -> s.employee().id() == PayrollFixture.ANNA)
            .findFirst()
            .orElseThrow()
            .acknowledgement(),
        "version 1 still shows Anna acknowledged");
    assertNull(
        inTenant(r -> r.scope(v2)).stream()
            .filter(s -> s.employee().id() == PayrollFixture.ANNA)
            .findFirst()
            .orElseThrow()
            .acknowledgement());
  }

  @Test
  void badInput_isRefusedWithTheField_andWritesNothing() throws SQLException {
    BusinessRuleException past =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(r -> r.createDraft(LocalDate.of(2026, 4, 9))));
    assertEquals(List.of("input", "effectiveFrom"), past.errors().get(0).field());
    BusinessRuleException inn =
        assertThrows(
            BusinessRuleException.class,
            () ->
                inTenant(
                    r ->
                        r.saveDetails(
                            new app.premia.compensation.domain.regulations.CompanyDetails(
                                "ООО «Альфа»", "7707083894", null, null, null, null, null))));
    assertEquals(List.of("input", "inn"), inn.errors().get(0).field());
    BusinessRuleException blank =
        assertThrows(
            BusinessRuleException.class,
            () -> inTenant(r -> r.saveSection(null, null, " ", null, "", null)));
    assertEquals(
        Set.of("titleRu", "bodyRu"),
        blank.errors().stream().map(e -> e.field().get(1)).collect(Collectors.toSet()));
    assertTrue(inTenant(r -> r.store().documents()).isEmpty());
    assertTrue(inTenant(r -> r.store().details()).isEmpty());
    assertTrue(inTenant(r -> r.store().sections()).isEmpty());
    // a valid INN (Sberbank's) is accepted
    inTenant(
        r ->
            r.saveDetails(
                new app.premia.compensation.domain.regulations.CompanyDetails(
                    "ООО «Альфа»", "7707083893", "15-П", MAY, "г. Москва", null, null)));
    assertEquals("7707083893", inTenant(r -> r.details()).inn());
  }

  @Test
  void ownSectionsAndDetails_surviveRegeneration_andAPublishedVersionKeepsItsText()
      throws SQLException {
    inTenant(
        r ->
            r.saveDetails(
                new app.premia.compensation.domain.regulations.CompanyDetails(
                    "ООО «Альфа»",
                    "7707083893",
                    "15-П",
                    MAY,
                    "г. Москва",
                    "Директор",
                    "Ё. Ёлкин")));
    var second =
        inTenant(r -> r.saveSection(null, null, "Премия за наставничество", null, "Текст Б", null));
    var first =
        inTenant(r -> r.saveSection(null, 1, "Кодекс продаж", "Sales code", "Текст А", "Text A"));
    assertEquals(1, first.section().position());
    assertEquals(
        List.of("Кодекс продаж", "Премия за наставничество"),
        inTenant(r -> r.store().sections()).stream().map(s -> s.section().titleRu()).toList());
    DocumentRow v1 = inTenant(r -> r.publish(r.createDraft(MAY).id(), null));
    String published = text(inTenant(r -> r.document(v1)), "ru");
    assertTrue(published.contains("Кодекс продаж") && published.contains("Текст Б"), published);
    assertEquals("ООО «Альфа»", inTenant(r -> r.document(v1)).company().name());

    inTenant(
        r ->
            r.saveSection(
                second.section().id(), null, "Премия за наставничество", null, "Текст В", null));
    DocumentRow draft = inTenant(r -> r.createDraft(JULY));
    String regenerated = text(inTenant(r -> r.document(draft)), "ru");
    assertTrue(regenerated.contains("Текст В") && !regenerated.contains("Текст Б"), regenerated);
    assertEquals(published, text(inTenant(r -> r.document(v1)), "ru"), "version 1 keeps its text");
  }

  private String dump() throws SQLException {
    try (Connection c = PayrollFixture.owner()) {
      PayrollFixture.context(c, fixture.tenant, null);
      try (var rs =
          c.createStatement()
              .executeQuery(
                  "SELECT coalesce(string_agg(d::text, '|' ORDER BY d.id), '') FROM reg_document"
                      + " d")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
