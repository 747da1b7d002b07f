package app.premia.compensation.interfaces.graphql;

import static app.premia.compensation.application.PayrollFixture.ANNA;
import static app.premia.compensation.application.PayrollFixture.BORIS;
import static app.premia.compensation.application.PayrollFixture.VERA;
import static app.premia.compensation.interfaces.graphql.PayoutGraphQlIT.data;
import static app.premia.compensation.interfaces.graphql.PayoutGraphQlIT.list;
import static app.premia.compensation.interfaces.graphql.PayoutGraphQlIT.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.application.PayrollFixture;
import app.premia.compensation.application.RegulationsPublished;
import app.premia.crm.api.PortalNotifier;
import app.premia.kpi.interfaces.graphql.KpiSchema;
import app.premia.platform.info.ServerInfoSchema;
import app.premia.tenancy.api.TenantAccess.ActiveTenant;
import app.premia.tenancy.api.TenantAccess.CompensationCaller;
import graphql.ExecutionResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code regulations.graphqls} executed by the real GraphQL engine against the real PostgreSQL
 * ({@link PayrollFixture}: «Объём», Anna and Boris on it, Vera on none; today 2026-04-10), each
 * request in its own transaction, rolled back when it answers errors (as {@code /graphql} does):
 * who may do what, a published version that no mutation changes, acknowledgements and reminders.
 */
class RegulationsGraphQlIT {

  PayrollFixture fixture;
  CompensationGraphQl graphQl;
  UUID admin;
  UUID accountantUser;
  UUID annaUser;
  UUID veraUser;
  final List<Map<Long, String>> notified = new CopyOnWriteArrayList<>();
  final List<RegulationsPublished> publications = new CopyOnWriteArrayList<>();

  @BeforeEach
  void fixture() throws Exception {
    fixture = new PayrollFixture();
    admin = PayrollFixture.user("Алла Админ");
    accountantUser = PayrollFixture.user("Карина Бухгалтер");
    annaUser = PayrollFixture.user("Анна");
    veraUser = PayrollFixture.user("Вера");
    graphQl = new CompensationGraphQl(fixture);
    PortalNotifier notifier =
        CompensationGraphQl.proxy(
            PortalNotifier.class,
            "notifyUsers",
            a -> {
              @SuppressWarnings("unchecked")
              Map<Long, String> messages = (Map<Long, String>) a[2];
              notified.add(messages);
              return messages.size();
            });
    jakarta.enterprise.event.Event<RegulationsPublished> published =
        CompensationGraphQl.proxy(
            jakarta.enterprise.event.Event.class,
            "fire",
            a -> {
              publications.add((RegulationsPublished) a[0]);
              return null;
            });
    RegulationsSchema regulations = graphQl.wired(new RegulationsSchema());
    CompensationPreviewGraphQlIT.inject(regulations, "notifier", notifier);
    CompensationPreviewGraphQlIT.inject(regulations, "publishedEvent", published);
    graphQl.engine(
        List.of(
            new ServerInfoSchema(),
            new KpiSchema(),
            graphQl.wired(new CompensationSchema()),
            new CompensationPreviewSchema(),
            new PayoutSchema(),
            regulations));
  }

  CompensationCaller admin() {
    return new CompensationCaller(
        new ActiveTenant(fixture.tenant, fixture.consultancy, admin), true, true, null);
  }

  CompensationCaller accountant() {
    return new CompensationCaller(
        new ActiveTenant(fixture.tenant, fixture.consultancy, accountantUser), false, true, null);
  }

  CompensationCaller employee(UUID user, long employee) {
    return new CompensationCaller(
        new ActiveTenant(fixture.tenant, fixture.consultancy, user), false, false, employee);
  }

  ExecutionResult as(CompensationCaller who, String query, Map<String, Object> variables)
      throws SQLException {
    return graphQl.as(who, query, variables);
  }

  static final String DOCUMENT =
      " { document { id number status effectiveFrom title basis sections { key title paragraphs }"
          + " pdfHref(language: RU) } errors { field code message } } }";

  String dump() throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT coalesce(string_agg(d::text, '|' ORDER BY d.id), '') FROM reg_document"
                      + " d")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void theAdminPublishes_theEmployeeAcknowledges_andAPublishedVersionNoMutationChanges()
      throws Exception {
    // the accountant reads but may not create; the employee may not even read the workspace
    ExecutionResult refused =
        as(accountant(), "mutation { createRegulationsDraft(input: {})" + DOCUMENT, Map.of());
    assertEquals("FORBIDDEN", refused.getErrors().get(0).getExtensions().get("code"));
    ExecutionResult workspace =
        as(employee(annaUser, ANNA), "{ regulations { canEdit } }", Map.of());
    assertEquals("FORBIDDEN", workspace.getErrors().get(0).getExtensions().get("code"));

    Map<String, Object> created =
        data(
            as(
                admin(),
                "mutation { createRegulationsDraft(input: {effectiveFrom: \"2026-05-01\"})"
                    + DOCUMENT,
                Map.of()),
            "createRegulationsDraft");
    assertTrue(list(created, "errors").isEmpty(), created.toString());
    Map<String, Object> draft = map(created, "document");
    String draftId = (String) draft.get("id");
    assertEquals("DRAFT", draft.get("status"));
    assertEquals(1, draft.get("number"));
    assertEquals(
        List.of("Менеджер по работе с существующими клиентами («Объём») — версия 1 с 01.01.2025"),
        draft.get("basis"));
    String sections = draft.get("sections").toString();
    assertTrue(sections.contains("5\u00A0%"), sections);

    // a draft is NOT_FOUND to an employee, exactly like an id that does not exist
    String missing =
        CompensationIds.encode(
            CompensationIds.REGULATIONS_DOCUMENT, fixture.tenant, UUID.randomUUID());
    for (String id : List.of(draftId, missing)) {
      ExecutionResult hidden =
          as(
              employee(annaUser, ANNA),
              "query($id: ID!) { regulationsDocument(id: $id) { id } }",
              Map.of("id", id));
      assertEquals("NOT_FOUND", hidden.getErrors().get(0).getExtensions().get("code"));
    }
    Map<String, Object> none =
        data(
            as(employee(annaUser, ANNA), "{ myRegulations { pending document { id } } }", Map.of()),
            "myRegulations");
    assertEquals(false, none.get("pending"));

    // an effective date in the past is refused on its field, and nothing changes
    Map<String, Object> past =
        data(
            as(
                admin(),
                "mutation($id: ID!) { publishRegulations(input: {id: $id, effectiveFrom:"
                    + " \"2026-04-01\"})"
                    + DOCUMENT,
                Map.of("id", draftId)),
            "publishRegulations");
    assertEquals(List.of("input", "effectiveFrom"), list(past, "errors").get(0).get("field"));
    Map<String, Object> published =
        data(
            as(
                admin(),
                "mutation($id: ID!) { publishRegulations(input: {id: $id})" + DOCUMENT,
                Map.of("id", draftId)),
            "publishRegulations");
    assertTrue(list(published, "errors").isEmpty(), published.toString());
    assertEquals("PUBLISHED", map(published, "document").get("status"));
    // the publication asks Anna and Boris (in scope), not Vera, in Bitrix24 (sent after commit);
    // the refused attempt before it announced nothing
    assertEquals(1, publications.size(), publications.toString());
    assertEquals(java.util.Set.of(ANNA, BORIS), publications.get(0).messages().keySet());
    assertTrue(
        publications.get(0).messages().get(ANNA).contains("Опубликована редакция № 1"),
        publications.toString());

    // every mutation on the published version is refused and it stays byte-identical
    String before = dump();
    for (String mutation :
        List.of(
            "mutation($id: ID!) { updateRegulationsDraft(input: {id: $id, effectiveFrom:"
                + " \"2026-09-01\"})"
                + DOCUMENT,
            "mutation($id: ID!) { deleteRegulationsDraft(input: {id: $id})" + DOCUMENT,
            "mutation($id: ID!) { publishRegulations(input: {id: $id, effectiveFrom:"
                + " \"2026-09-01\"})"
                + DOCUMENT)) {
      ExecutionResult r = as(admin(), mutation, Map.of("id", draftId));
      Map<?, ?> payload = (Map<?, ?>) ((Map<?, ?>) r.getData()).values().iterator().next();
      assertEquals(
          "CONFLICT", ((Map<?, ?>) ((List<?>) payload.get("errors")).get(0)).get("code"), mutation);
    }
    assertEquals(before, dump());

    // Anna sees it pending on login, reads it and acknowledges; Vera (on no scheme) may not
    Map<String, Object> pending =
        data(
            as(
                employee(annaUser, ANNA),
                "{ myRegulations { pending acknowledgedAt document { id number html } } }",
                Map.of()),
            "myRegulations");
    assertEquals(true, pending.get("pending"));
    assertTrue(((String) map(pending, "document").get("html")).contains("Объём"));
    Map<String, Object> ack =
        data(
            as(
                employee(annaUser, ANNA),
                "mutation($id: ID!) { acknowledgeRegulations(input: {id: $id}) { acknowledgedAt"
                    + " errors { code } } }",
                Map.of("id", draftId)),
            "acknowledgeRegulations");
    assertNotNull(ack.get("acknowledgedAt"), ack.toString());
    Map<String, Object> vera =
        data(
            as(
                employee(veraUser, VERA),
                "mutation($id: ID!) { acknowledgeRegulations(input: {id: $id}) { acknowledgedAt"
                    + " errors { code } } }",
                Map.of("id", draftId)),
            "acknowledgeRegulations");
    assertEquals("FORBIDDEN", list(vera, "errors").get(0).get("code"));
    Map<String, Object> done =
        data(
            as(employee(annaUser, ANNA), "{ myRegulations { pending acknowledgedAt } }", Map.of()),
            "myRegulations");
    assertEquals(false, done.get("pending"));
    assertEquals(ack.get("acknowledgedAt"), done.get("acknowledgedAt"));

    // the admin's list: Boris pending first, Anna acknowledged by her own login; a reminder goes
    // to Boris only
    Map<String, Object> acks =
        map(
            data(
                as(
                    accountant(),
                    "query($id: ID!) { regulationsDocument(id: $id) { acknowledgements { total"
                        + " acknowledged employees { employee { name } acknowledgedAt"
                        + " acknowledgedBy } } } }",
                    Map.of("id", draftId)),
                "regulationsDocument"),
            "acknowledgements");
    assertEquals(2, acks.get("total"));
    assertEquals(1, acks.get("acknowledged"));
    List<Map<String, Object>> employees = list(acks, "employees");
    assertEquals("Борис", map(employees.get(0), "employee").get("name"));
    assertNull(employees.get(0).get("acknowledgedAt"));
    assertEquals("Анна", map(employees.get(1), "employee").get("name"));
    assertEquals("Анна", employees.get(1).get("acknowledgedBy"));
    Map<String, Object> reminded =
        data(
            as(
                admin(),
                "mutation($id: ID!) { remindRegulations(input: {id: $id}) { pending notified"
                    + " errors { code } } }",
                Map.of("id", draftId)),
            "remindRegulations");
    assertEquals(1, reminded.get("pending"));
    assertEquals(1, reminded.get("notified"));
    assertEquals(List.of(BORIS), List.copyOf(notified.get(0).keySet()));
    assertTrue(notified.get(0).get(BORIS).contains("Положением о премировании"));
  }

  @Test
  void aSchemeVersionPublishedLater_makesTheRegulationsOutdated_andOffersADraftWithItsDiff()
      throws Exception {
    String v1 =
        (String)
            map(
                    data(
                        as(
                            admin(),
                            "mutation { createRegulationsDraft(input: {effectiveFrom:"
                                + " \"2026-05-01\"})"
                                + DOCUMENT,
                            Map.of()),
                        "createRegulationsDraft"),
                    "document")
                .get("id");
    as(
        admin(),
        "mutation($id: ID!) { publishRegulations(input: {id: $id})" + DOCUMENT,
        Map.of("id", v1));
    Map<String, Object> fresh =
        data(
            as(admin(), "{ regulations { outdated draft { id } current { id } } }", Map.of()),
            "regulations");
    assertEquals(false, fresh.get("outdated"));
    assertNull(fresh.get("draft"));

    // the sales head edits the rate to 6 % and publishes it from June through the scheme API
    String version =
        CompensationIds.encode(
            CompensationIds.VERSION,
            fixture.tenant,
            fixture.draft(PayrollFixture.percent("6")).id());
    Map<String, Object> schemePublished =
        data(
            as(
                admin(),
                "mutation($id: ID!) { publishSchemeVersion(input: {versionId: $id, effectiveFrom:"
                    + " \"2026-06-01\"}) { version { id } errors { field code message } } }",
                Map.of("id", version)),
            "publishSchemeVersion");
    assertTrue(list(schemePublished, "errors").isEmpty(), schemePublished.toString());

    Map<String, Object> outdated =
        data(
            as(
                admin(),
                "{ regulations { outdated outdatedBy draft { id number effectiveFrom sections"
                    + " { paragraphs } } } }",
                Map.of()),
            "regulations");
    assertEquals(true, outdated.get("outdated"));
    assertEquals(List.of("Объём: версия 2 с 01.06.2026"), outdated.get("outdatedBy"));
    Map<String, Object> offered = map(outdated, "draft");
    assertNotNull(offered, "a draft is offered");
    assertEquals(2, offered.get("number"));
    assertEquals("2026-06-01", offered.get("effectiveFrom"));
    assertTrue(offered.get("sections").toString().contains("6\u00A0%"));

    Map<String, Object> diff =
        data(
            as(
                admin(),
                "query($a: ID!, $b: ID!) { regulationsDiff(fromId: $a, toId: $b, language: RU)"
                    + " { changes { kind sectionTitle before after segments { text kind } } } }",
                Map.of("a", v1, "b", offered.get("id"))),
            "regulationsDiff");
    List<Map<String, Object>> changes = list(diff, "changes");
    assertFalse(changes.isEmpty());
    for (Map<String, Object> change : changes) {
      assertEquals("CHANGED", change.get("kind"), change.toString());
      assertTrue(
          ((String) change.get("sectionTitle")).contains("Объём")
              || ((String) change.get("sectionTitle")).contains("клиентами"),
          change.toString());
    }
    assertTrue(
        changes.stream()
            .flatMap(c -> list(c, "segments").stream())
            .anyMatch(s -> "ADDED".equals(s.get("kind")) && ((String) s.get("text")).contains("6")),
        changes.toString());
  }
}
