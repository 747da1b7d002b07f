package app.premia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.platform.persistence.DataSources;
import app.premia.platform.persistence.Transactions;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import app.premia.tenancy.domain.TenantMember;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.persistence.config.QueryHints;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation, deployed once against the real PostgreSQL with the demo data: a cross-tenant
 * attack suite generated from the schema, the same attacks in native SQL (row-level security
 * alone), the catalog of tenant tables, 1 000 alternating transactions, and authorization per
 * access role. The victim is «Гамма Сервис», a client company none of the attackers may reach.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

  static final UUID CONSULTANCY = demoId("consultancy:integrator");
  static final UUID ALFA = demoId("tenant:alfa");
  static final UUID BETA = demoId("tenant:beta");
  static final UUID GAMMA = demoId("tenant:gamma");

  @Deployment
  static WebArchive deployment() {
    File war = new File(System.getProperty("premia.war", "target/premia.war"));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
        .addClasses(TenancyIT.class, Session.class, Http.class);
  }

  @ArquillianResource URL deployed;

  @Inject Transactions transactions;
  @Inject EntityManager em;

  @jakarta.annotation.Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  private URI base() throws Exception {
    return deployed.toURI().resolve("/");
  }

  // ---------------------------------------------------------------------------------------------
  // 1. The attack suite, generated from the schema
  // ---------------------------------------------------------------------------------------------

  /** Who attacks, and the tenant each works in (none of them may reach Gamma). */
  static final Map<String, UUID> ATTACKERS =
      Map.of(
          "admin@alfa.demo", ALFA,
          "accountant@alfa.demo", ALFA,
          "manager1@alfa.demo", ALFA,
          "admin@beta.demo", BETA,
          "consultant@integrator.demo", ALFA);

  /** One attack per ID-taking root field: the document and its variables for a victim id. */
  static final Map<String, Function<String, Map.Entry<String, Map<String, String>>>> ATTACKS =
      attacks();

  private static Map<String, Function<String, Map.Entry<String, Map<String, String>>>> attacks() {
    Map<String, Function<String, Map.Entry<String, Map<String, String>>>> a = new LinkedHashMap<>();
    String payloadTenant =
        " { tenant { id name consultants { email } } errors { code message } } }";
    String payloadUser =
        " { tenantUser { id status user { email displayName } } errors { code message } } }";
    a.put(
        "switchTenant",
        id ->
            Map.entry(
                "mutation($id: ID!) { switchTenant(tenantId: $id)"
                    + " { viewer { activeTenant { id name } tenants { name } } errors { code message } } }",
                Map.of("id", id)));
    a.put(
        "renameClientCompany",
        id ->
            Map.entry(
                "mutation($id: ID!) { renameClientCompany(input: {tenantId: $id, name: \"Взлом\"})"
                    + payloadTenant,
                Map.of("id", id)));
    a.put(
        "assignConsultant",
        id ->
            Map.entry(
                "mutation($id: ID!, $c: ID!) { assignConsultant(input: {tenantId: $id, consultantId: $c})"
                    + payloadTenant,
                Map.of("id", id, "c", demoId("user:consultant@integrator.demo").toString())));
    a.put(
        "unassignConsultant",
        id ->
            Map.entry(
                "mutation($id: ID!, $c: ID!) { unassignConsultant(input: {tenantId: $id, consultantId: $c})"
                    + payloadTenant,
                Map.of("id", id, "c", demoId("user:consultant@integrator.demo").toString())));
    a.put(
        "changeUserRole",
        id ->
            Map.entry(
                "mutation($id: ID!) { changeUserRole(input: {tenantUserId: $id, accessRole: TENANT_ADMIN})"
                    + payloadUser,
                Map.of("id", id)));
    a.put(
        "deactivateUser",
        id ->
            Map.entry(
                "mutation($id: ID!) { deactivateUser(input: {tenantUserId: $id})" + payloadUser,
                Map.of("id", id)));
    // issue #5: KPIs and plans (employee and department ids are tenant-bound global ids)
    String period = "{kind: MONTH, start: \"2026-01-01\"}";
    a.put(
        "employeeKpiCard",
        id ->
            Map.entry(
                "query($id: ID!) { employeeKpiCard(employeeId: $id, period: "
                    + period
                    + ") { employee { id name } values { kpi { code } value plan } } }",
                Map.of("id", id)));
    a.put(
        "employeeKpis",
        id ->
            Map.entry(
                "query($id: ID!) { employeeKpis(departmentId: $id, period: "
                    + period
                    + ") { totalCount edges { node { employee { name } } } } }",
                Map.of("id", id)));
    a.put(
        "departmentKpis",
        id ->
            Map.entry(
                "query($id: ID!) { departmentKpis(departmentId: $id, period: "
                    + period
                    + ") { department { name } values { value } managers { employee { name } } } }",
                Map.of("id", id)));
    a.put(
        "kpiSeries",
        id ->
            Map.entry(
                "query($id: ID!) { kpiSeries(kpi: \"sales_volume\", subject: {employeeId: $id},"
                    + " periodKind: MONTH, to: \"2026-01-01\", count: 3) { value plan } }",
                Map.of("id", id)));
    a.put(
        "kpiFacts",
        id ->
            Map.entry(
                "query($id: ID!) { kpiFacts(kpi: \"deals_won\", subject: {departmentId: $id},"
                    + " period: "
                    + period
                    + ") { totalCount edges { node { title } } } }",
                Map.of("id", id)));
    a.put(
        "setKpiPlans",
        id ->
            Map.entry(
                "mutation($id: ID!) { setKpiPlans(input: {period: "
                    + period
                    + ", cells: [{kpi: \"sales_volume\", employeeId: $id, target: \"1\"}]})"
                    + " { plans { target } errors { field code message } } }",
                Map.of("id", id)));
    // issue #6: schemes, versions, assignments, proposals (tenant-bound global ids), the library
    String scheme = " { scheme { id name } errors { field code message } } }";
    String version =
        " { version { id number definition { baseSalary } } errors { field code message } } }";
    String assignment =
        " { assignment { id validFrom employee { name } } errors { field code message } } }";
    String proposal = " { proposal { id status } draft { id } errors { field code message } } }";
    String template = " { template { id code } errors { field code message } } }";
    String definition =
        "{baseSalary: \"1\", components: [{key: \"x\", name: \"X\", frequency: MONTHLY,"
            + " measure: {kpi: \"sales_volume\"}, rule: {kind: PERCENT, ratePercent: \"1\"}}]}";
    a.put(
        "compensationScheme",
        id ->
            Map.entry(
                "query($id: ID!) { compensationScheme(id: $id) { id name versions { id }"
                    + " assignments { employee { name } } proposals { id } } }",
                Map.of("id", id)));
    a.put(
        "schemeVersion",
        id ->
            Map.entry(
                "query($id: ID!) { schemeVersion(id: $id) { id number definition { baseSalary } } }",
                Map.of("id", id)));
    a.put(
        "schemeAssignments",
        id ->
            Map.entry(
                "query($id: ID!) { schemeAssignments(employeeId: $id) { id employee { name } } }",
                Map.of("id", id)));
    a.put(
        "saveSchemeDraft",
        id ->
            Map.entry(
                "mutation($id: ID!) { saveSchemeDraft(input: {schemeId: $id, definition: "
                    + definition
                    + "})"
                    + version,
                Map.of("id", id)));
    a.put(
        "discardSchemeDraft",
        id ->
            Map.entry(
                "mutation($id: ID!) { discardSchemeDraft(input: {schemeId: $id})" + scheme,
                Map.of("id", id)));
    a.put(
        "publishSchemeVersion",
        id ->
            Map.entry(
                "mutation($id: ID!) { publishSchemeVersion(input: {versionId: $id,"
                    + " effectiveFrom: \"2099-01-01\"})"
                    + version,
                Map.of("id", id)));
    a.put(
        "assignScheme",
        id ->
            Map.entry(
                "mutation($id: ID!) { assignScheme(input: {employeeId: $id, schemeId: $id,"
                    + " validFrom: \"2099-01-01\"})"
                    + assignment,
                Map.of("id", id)));
    a.put(
        "endSchemeAssignment",
        id ->
            Map.entry(
                "mutation($id: ID!) { endSchemeAssignment(input: {assignmentId: $id,"
                    + " validTo: \"2099-01-01\"})"
                    + assignment,
                Map.of("id", id)));
    a.put(
        "acceptSchemeProposal",
        id ->
            Map.entry(
                "mutation($id: ID!) { acceptSchemeProposal(input: {proposalId: $id})" + proposal,
                Map.of("id", id)));
    a.put(
        "rejectSchemeProposal",
        id ->
            Map.entry(
                "mutation($id: ID!) { rejectSchemeProposal(input: {proposalId: $id,"
                    + " comment: \"взлом\"})"
                    + proposal,
                Map.of("id", id)));
    a.put(
        "applyTemplates",
        id ->
            Map.entry(
                "mutation($id: ID!) { applyTemplates(input: {templateIds: [$id]})"
                    + " { schemes { id name } errors { field code message } } }",
                Map.of("id", id)));
    a.put(
        "schemePreview",
        id ->
            Map.entry(
                "query($id: ID!) { schemePreview(input: {schemeId: $id, definition: "
                    + definition
                    + "}) { preview { rows { employee { name } edited { variablePay } } }"
                    + " errors { field code message } } }",
                Map.of("id", id)));
    a.put(
        "startWhatIf",
        id ->
            Map.entry(
                "mutation($id: ID!) { startWhatIf(input: {versionId: $id, months: 1})"
                    + " { run { id status } errors { field code message } } }",
                Map.of("id", id)));
    a.put(
        "whatIfRun",
        id ->
            Map.entry(
                "query($id: ID!) { whatIfRun(id: $id) { id status monthly { variablePay } } }",
                Map.of("id", id)));
    a.put(
        "schemeTemplate",
        id ->
            Map.entry(
                "query($id: ID!) { schemeTemplate(id: $id) { id code name versions { number } } }",
                Map.of("id", id)));
    a.put(
        "saveTemplateDraft",
        id ->
            Map.entry(
                "mutation($id: ID!) { saveTemplateDraft(input: {templateId: $id, definition: "
                    + definition
                    + "})"
                    + template,
                Map.of("id", id)));
    a.put(
        "publishTemplateVersion",
        id ->
            Map.entry(
                "mutation($id: ID!) { publishTemplateVersion(input: {templateId: $id})" + template,
                Map.of("id", id)));
    a.put(
        "offerTemplateVersion",
        id ->
            Map.entry(
                "mutation($id: ID!) { offerTemplateVersion(input: {templateId: $id,"
                    + " tenantIds: [$id]}) { offered errors { field code message } } }",
                Map.of("id", id)));
    // issue #7: payout runs, statements, inquiries, payroll profiles
    String run = " { run { id status total } errors { field code message } } }";
    a.put(
        "payoutRun",
        id ->
            Map.entry(
                "query($id: ID!) { payoutRun(id: $id) { id status total statements { id } } }",
                Map.of("id", id)));
    a.put(
        "statement",
        id ->
            Map.entry(
                "query($id: ID!) { statement(id: $id) { id total lines { id name amount deals"
                    + " { id } } inquiries { id } } }",
                Map.of("id", id)));
    a.put(
        "approvePayoutRun",
        id ->
            Map.entry(
                "mutation($id: ID!) { approvePayoutRun(input: {runId: $id})" + run,
                Map.of("id", id)));
    a.put(
        "markPayoutRunPaid",
        id ->
            Map.entry(
                "mutation($id: ID!) { markPayoutRunPaid(input: {runId: $id, paidOn:"
                    + " \"2026-11-05\", reference: \"ПП-1\"})"
                    + run,
                Map.of("id", id)));
    a.put(
        "raiseInquiry",
        id ->
            Map.entry(
                "mutation($id: ID!) { raiseInquiry(input: {lineId: $id, comment: \"взлом\"})"
                    + " { inquiry { id status } errors { field code message } } }",
                Map.of("id", id)));
    a.put(
        "answerInquiry",
        id ->
            Map.entry(
                "mutation($id: ID!) { answerInquiry(input: {inquiryId: $id, answer: \"взлом\","
                    + " correction: \"1000\"}) { inquiry { id status } errors { field code"
                    + " message } } }",
                Map.of("id", id)));
    a.put(
        "setPayrollProfile",
        id ->
            Map.entry(
                "mutation($id: ID!) { setPayrollProfile(input: {employeeId: $id, personnelNumber:"
                    + " \"666\"}) { profile { personnelNumber } errors { field code message } } }",
                Map.of("id", id)));
    // issue #8: the regulations, their versions, own sections and acknowledgements
    String document = " { document { id number status } errors { field code message } } }";
    a.put(
        "regulationsDocument",
        id ->
            Map.entry(
                "query($id: ID!) { regulationsDocument(id: $id) { id number title html"
                    + " sections { paragraphs } acknowledgements { total employees"
                    + " { employee { name } } } } }",
                Map.of("id", id)));
    a.put(
        "regulationsDiff",
        id ->
            Map.entry(
                "query($id: ID!) { regulationsDiff(fromId: $id, toId: $id) { changes { after } } }",
                Map.of("id", id)));
    a.put(
        "updateRegulationsDraft",
        id ->
            Map.entry(
                "mutation($id: ID!) { updateRegulationsDraft(input: {id: $id, effectiveFrom:"
                    + " \"2030-01-01\"})"
                    + document,
                Map.of("id", id)));
    a.put(
        "deleteRegulationsDraft",
        id ->
            Map.entry(
                "mutation($id: ID!) { deleteRegulationsDraft(input: {id: $id})" + document,
                Map.of("id", id)));
    a.put(
        "publishRegulations",
        id ->
            Map.entry(
                "mutation($id: ID!) { publishRegulations(input: {id: $id})" + document,
                Map.of("id", id)));
    a.put(
        "acknowledgeRegulations",
        id ->
            Map.entry(
                "mutation($id: ID!) { acknowledgeRegulations(input: {id: $id}) { acknowledgedAt"
                    + " errors { field code message } } }",
                Map.of("id", id)));
    a.put(
        "remindRegulations",
        id ->
            Map.entry(
                "mutation($id: ID!) { remindRegulations(input: {id: $id}) { pending notified"
                    + " errors { field code message } } }",
                Map.of("id", id)));
    String section = " { section { id titleRu bodyRu } errors { field code message } } }";
    a.put(
        "saveRegulationsSection",
        id ->
            Map.entry(
                "mutation($id: ID) { saveRegulationsSection(input: {id: $id, titleRu: \"взлом\","
                    + " bodyRu: \"взлом\"})"
                    + section,
                Map.of("id", id)));
    a.put(
        "deleteRegulationsSection",
        id ->
            Map.entry(
                "mutation($id: ID!) { deleteRegulationsSection(input: {id: $id})" + section,
                Map.of("id", id)));
    return a;
  }

  @Test
  @RunAsClient
  void everyIdTakingFieldOfTheSchema_isCoveredByTheAttackSuite() throws IOException {
    Set<String> idFields = idTakingRootFields();
    assertFalse(
        idFields.isEmpty(), "the schema scan found no ID-taking field: it looks at nothing");
    Set<String> uncovered = new TreeSet<>(idFields);
    uncovered.removeAll(ATTACKS.keySet());
    assertTrue(
        uncovered.isEmpty(),
        "ID-taking fields without a cross-tenant attack in TenancyIT.ATTACKS: " + uncovered);
  }

  @Test
  @RunAsClient
  void crossTenantAttacks_leakNothing_lookLikeMissingThings_andChangeNothing() throws Exception {
    seedApprovedRun(GAMMA, "admin@gamma.demo", List.of(1L, 3L));
    seedRegulations(GAMMA, "admin@gamma.demo", 1L);
    List<String> victimIds = new ArrayList<>(gammaIds());
    String before = gammaChecksum();
    Set<String> gammaSecrets = gammaSecrets();
    int operations = 0;
    for (Map.Entry<String, UUID> attacker : ATTACKERS.entrySet()) {
      Session session =
          Session.signedIn(base(), attacker.getKey()).in(attacker.getValue().toString());
      for (Map.Entry<String, Function<String, Map.Entry<String, Map<String, String>>>> attack :
          ATTACKS.entrySet()) {
        // what an id that exists nowhere gets: a foreign id must get exactly the same
        String baseline = normalise(send(session, attack.getValue(), UUID.randomUUID().toString()));
        for (String victimId : victimIds) {
          String answer = send(session, attack.getValue(), victimId);
          operations++;
          for (String secret : gammaSecrets) {
            assertFalse(
                answer.contains(secret),
                attacker.getKey()
                    + " "
                    + attack.getKey()
                    + "("
                    + victimId
                    + ") leaked "
                    + secret
                    + ": "
                    + answer);
          }
          assertEquals(
              baseline,
              normalise(answer),
              attacker.getKey()
                  + " "
                  + attack.getKey()
                  + "("
                  + victimId
                  + ") differs from a missing id");
          assertTrue(
              answer.contains("\"NOT_FOUND\"") || answer.contains("\"FORBIDDEN\""),
              attacker.getKey() + " " + attack.getKey() + ": " + answer);
        }
      }
      // and what the attacker may read shows nothing of Gamma either
      for (String read :
          List.of(
              "{ viewer { tenants { id name } activeTenant { id name } } }",
              "{ clientCompanies { id name consultants { email } } }",
              "{ tenantUsers(first: 100) { edges { node { id user { email displayName } } } } }",
              "{ consultants { email } }")) {
        String answer = session.raw(read, Map.of()).body();
        operations++;
        for (String secret : gammaSecrets) {
          assertFalse(
              answer.contains(secret), attacker.getKey() + " read " + secret + " via " + read);
        }
      }
    }
    System.out.println("[TenancyIT] cross-tenant attack operations: " + operations);
    assertTrue(operations >= 100, "expected at least 100 attack operations, ran " + operations);
    assertEquals(before, gammaChecksum(), "Gamma's rows changed under attack");
  }

  private static String send(
      Session session, Function<String, Map.Entry<String, Map<String, String>>> attack, String id) {
    Map.Entry<String, Map<String, String>> op = attack.apply(id);
    return session.raw(op.getKey(), op.getValue()).body();
  }

  /** Drops what legitimately differs between two answers: correlation ids. */
  private static String normalise(String answer) {
    return answer.replaceAll("\"correlationId\":\"[^\"]*\"", "\"correlationId\":\"*\"");
  }

  /** Root Query/Mutation fields with an ID anywhere in their arguments (input objects included). */
  static Set<String> idTakingRootFields() throws IOException {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/graphql"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).toList()) {
        registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    Set<String> result = new TreeSet<>();
    for (String root : List.of("Query", "Mutation")) {
      List<FieldDefinition> fields = new ArrayList<>();
      registry
          .getType(root, ObjectTypeDefinition.class)
          .ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
      registry
          .objectTypeExtensions()
          .getOrDefault(root, List.of())
          .forEach(t -> fields.addAll(t.getFieldDefinitions()));
      for (FieldDefinition field : fields) {
        if (field.getInputValueDefinitions().stream()
            .anyMatch(v -> takesId(v.getType(), registry, new HashSet<>()))) {
          result.add(field.getName());
        }
      }
    }
    return result;
  }

  private static boolean takesId(Type<?> type, TypeDefinitionRegistry registry, Set<String> seen) {
    if (type instanceof NonNullType nonNull) {
      return takesId(nonNull.getType(), registry, seen);
    }
    if (type instanceof ListType list) {
      return takesId(list.getType(), registry, seen);
    }
    String name = ((TypeName) type).getName();
    if (name.equals("ID")) {
      return true;
    }
    Optional<InputObjectTypeDefinition> input =
        registry.getType(name, InputObjectTypeDefinition.class);
    if (input.isEmpty() || !seen.add(name)) {
      return false;
    }
    for (InputValueDefinition value : input.get().getInputValueDefinitions()) {
      if (takesId(value.getType(), registry, seen)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Row-level security alone (no JPA filter): native SQL as the runtime role
  // ---------------------------------------------------------------------------------------------

  @Test
  void withoutTheJpaFilter_rowLevelSecurityAloneHidesAndProtectsOtherTenantsRows()
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        settings(c, ALFA, null, null);
        for (String table : List.of("tenant_member", "consultant_assignment", "audit_event")) {
          assertEquals(
              0,
              count(c, "SELECT count(*) FROM " + table + " WHERE tenant_id = '" + GAMMA + "'"),
              table);
          assertTrue(count(c, "SELECT count(*) FROM " + table) >= 0);
        }
        assertEquals(0, count(c, "SELECT count(*) FROM tenant WHERE id = '" + GAMMA + "'"));
        assertEquals(
            count(c, "SELECT count(*) FROM tenant_member WHERE tenant_id = '" + ALFA + "'"),
            count(c, "SELECT count(*) FROM tenant_member"),
            "Alfa sees exactly its own members");
        assertTrue(count(c, "SELECT count(*) FROM tenant_member") > 0);
        try (Statement s = c.createStatement()) {
          assertEquals(
              0,
              s.executeUpdate(
                  "UPDATE tenant_member SET status = 'DEACTIVATED' WHERE tenant_id = '"
                      + GAMMA
                      + "'"));
          assertEquals(
              0,
              s.executeUpdate(
                  "DELETE FROM consultant_assignment WHERE tenant_id = '" + GAMMA + "'"));
          assertEquals(
              0, s.executeUpdate("UPDATE tenant SET name = 'x' WHERE id = '" + GAMMA + "'"));
        }
        SQLException refused =
            assertThrows(
                SQLException.class,
                () -> {
                  try (Statement s = c.createStatement()) {
                    s.executeUpdate(
                        "INSERT INTO tenant_member (id, tenant_id, user_id, access_role, status, invited_at)"
                            + " VALUES (gen_random_uuid(), '"
                            + GAMMA
                            + "', '"
                            + demoId("user:admin@alfa.demo")
                            + "', 'TENANT_ADMIN', 'ACTIVE', now())");
                  }
                });
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
      } finally {
        c.rollback();
      }
      c.setAutoCommit(false);
      try {
        // no context at all: nothing is visible (fails closed)
        for (String table :
            List.of("tenant", "tenant_member", "consultant_assignment", "audit_event")) {
          assertEquals(
              0, count(c, "SELECT count(*) FROM " + table), table + " visible without a tenant");
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Test
  @RunAsClient
  void everyTenantTable_hasForcedRowLevelSecurity_checkedPolicies_andATenantFirstIndex()
      throws SQLException {
    try (Connection c = ownerConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          c.createStatement()
              .executeQuery(
                  "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                      + " AND column_name = 'tenant_id' ORDER BY 1")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      assertTrue(
          tables.containsAll(List.of("tenant_member", "consultant_assignment", "audit_event")),
          tables.toString());
      for (String table : tables) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT c.relrowsecurity, c.relforcerowsecurity,"
                    + " (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname AND p.qual IS NOT NULL"
                    + "   AND (p.with_check IS NOT NULL OR p.cmd = 'SELECT')),"
                    + " (SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                    + "   AND a.attnum = i.indkey[0] WHERE i.indrelid = c.oid AND a.attname = 'tenant_id')"
                    + " FROM pg_class c WHERE c.relname = ? AND c.relkind = 'r'")) {
          s.setString(1, table);
          try (ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), table);
            assertTrue(row.getBoolean(1), table + ": row-level security not enabled");
            assertTrue(row.getBoolean(2), table + ": row-level security not forced");
            assertTrue(row.getInt(3) > 0, table + ": no policy with USING and WITH CHECK");
            boolean tenantFirst =
                row.getInt(4) > 0 || table.equals("audit_event") && hasIndexLedBy(c, table);
            assertTrue(tenantFirst, table + ": no index led by tenant_id");
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT r.rolsuper, r.rolbypassrls,"
                  + " (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname)"
                  + " FROM pg_roles r WHERE r.rolname = ?")) {
        s.setString(1, System.getenv("DB_USER"));
        try (ResultSet row = s.executeQuery()) {
          assertTrue(row.next());
          assertFalse(row.getBoolean(1), "runtime role is a superuser");
          assertFalse(row.getBoolean(2), "runtime role bypasses RLS");
          assertEquals(0, row.getInt(3), "runtime role owns tables");
        }
      }
    }
  }

  private static boolean hasIndexLedBy(Connection c, String table) throws SQLException {
    return count(
            c,
            "SELECT count(*) FROM pg_indexes WHERE tablename = '"
                + table
                + "' AND indexdef LIKE '%(tenant_id%'")
        > 0;
  }

  // ---------------------------------------------------------------------------------------------
  // 3. 1 000 transactions alternating between two tenants over the pool
  // ---------------------------------------------------------------------------------------------

  @Test
  void aThousandAlternatingTransactions_leakNothing() {
    Set<UUID> alfaMembers = membersSeenBy(ALFA);
    Set<UUID> betaMembers = membersSeenBy(BETA);
    assertFalse(alfaMembers.isEmpty());
    assertFalse(betaMembers.isEmpty());
    assertTrue(alfaMembers.stream().noneMatch(betaMembers::contains));
    for (int i = 0; i < 1000; i++) {
      UUID tenant = i % 2 == 0 ? ALFA : BETA;
      Set<UUID> expected = i % 2 == 0 ? alfaMembers : betaMembers;
      int round = i;
      IdentityScope.runAs(
          RequestIdentity.systemFor(CONSULTANCY, tenant),
          () ->
              transactions.requiresNew(
                  () -> {
                    Set<UUID> jpa = new HashSet<>();
                    em.createQuery("SELECT m FROM TenantMember m", TenantMember.class)
                        .getResultList()
                        .forEach(m -> jpa.add(m.id()));
                    assertEquals(expected, jpa, "JPA, round " + round);
                    Object setting =
                        em.createNativeQuery("SELECT current_setting('app.tenant_id', true)")
                            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
                            .getSingleResult();
                    assertEquals(tenant.toString(), setting, "setting, round " + round);
                    Number visible =
                        (Number)
                            em.createNativeQuery("SELECT count(*) FROM tenant_member")
                                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
                                .getSingleResult();
                    assertEquals(expected.size(), visible.intValue(), "native, round " + round);
                    return null;
                  }));
    }
    // and after all that, a transaction without identity sees nothing
    IdentityScope.runAs(
        RequestIdentity.anonymous(),
        () ->
            transactions.requiresNew(
                () -> {
                  Number visible =
                      (Number)
                          em.createNativeQuery("SELECT count(*) FROM tenant_member")
                              .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
                              .getSingleResult();
                  assertEquals(0, visible.intValue());
                  return null;
                }));
  }

  @Test
  void workWithoutATenant_getsAnErrorOrNothing_neverEverything() {
    List<TenantMember> seen;
    try {
      seen =
          IdentityScope.runAs(
              RequestIdentity.anonymous(),
              () ->
                  transactions.requiresNew(
                      () ->
                          em.createQuery("SELECT m FROM TenantMember m", TenantMember.class)
                              .getResultList()));
    } catch (RuntimeException refused) {
      return; // EclipseLink refused a tenant entity without a tenant: fails closed
    }
    assertTrue(seen.isEmpty(), "tenant rows visible without a tenant: " + seen.size());
  }

  private Set<UUID> membersSeenBy(UUID tenant) {
    return IdentityScope.runAs(
        RequestIdentity.systemFor(CONSULTANCY, tenant),
        () ->
            transactions.requiresNew(
                () -> {
                  Set<UUID> ids = new HashSet<>();
                  em.createQuery("SELECT m FROM TenantMember m", TenantMember.class)
                      .getResultList()
                      .forEach(m -> ids.add(m.id()));
                  return ids;
                }));
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Authorization per access role
  // ---------------------------------------------------------------------------------------------

  @Test
  @RunAsClient
  void aManager_seesNoAdministration_andNoOneElsesData() throws Exception {
    Session manager = Session.signedIn(base(), "manager1@alfa.demo");
    JsonObject viewer = manager.run("{ viewer { accessRole permissions activeTenant { name } } }");
    JsonObject v = viewer.getJsonObject("data").getJsonObject("viewer");
    assertEquals("MANAGER", v.getString("accessRole"));
    assertTrue(v.getJsonArray("permissions").isEmpty());
    for (String field :
        List.of(
            "{ tenantUsers { totalCount } }",
            "{ clientCompanies { name } }",
            "{ consultants { email } }")) {
      String answer = manager.raw(field, Map.of()).body();
      assertTrue(answer.contains("\"FORBIDDEN\""), field + ": " + answer);
      assertFalse(answer.contains("@alfa.demo"), field + ": " + answer);
    }
  }

  @Test
  @RunAsClient
  void aManager_asksForAnotherManagersKpis_getsNotFoundLikeARandomId_andGetsHisOwn()
      throws Exception {
    // the demo links manager1@alfa.demo to portal user 3 and manager2@alfa.demo to user 12
    List<Long> inserted = new ArrayList<>();
    try (Connection c = ownerConnection()) {
      settings(c, ALFA, null, CONSULTANCY);
      for (long id : List.of(3L, 12L)) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO crm_employee (tenant_id, id, active, first_name, department_ids,"
                    + " synced_at) VALUES (?, ?, true, ?, '{}', now()) ON CONFLICT DO NOTHING")) {
          s.setObject(1, ALFA);
          s.setLong(2, id);
          s.setString(3, "Сотрудник-тест " + id);
          if (s.executeUpdate() == 1) {
            inserted.add(id);
          }
        }
      }
    }
    try {
      Session manager1 = Session.signedIn(base(), "manager1@alfa.demo");
      String own = globalId("Employee", ALFA, 3);
      String other = globalId("Employee", ALFA, 12);
      String missing = globalId("Employee", ALFA, 987654);
      String random = UUID.randomUUID().toString();
      List<String> queries =
          List.of(
              "query($id: ID!) { employeeKpiCard(employeeId: $id, period: {kind: MONTH, start:"
                  + " \"2026-01-01\"}) { employee { id name } values { kpi { code } value } } }",
              "query($id: ID!) { kpiSeries(kpi: \"sales_volume\", subject: {employeeId: $id},"
                  + " periodKind: MONTH, to: \"2026-01-01\", count: 3) { value } }",
              "query($id: ID!) { kpiFacts(kpi: \"deals_won\", subject: {employeeId: $id},"
                  + " period: {kind: MONTH, start: \"2026-01-01\"}) { totalCount } }");
      for (String query : queries) {
        String baseline = normalise(manager1.raw(query, Map.of("id", random)).body());
        String answer = normalise(manager1.raw(query, Map.of("id", other)).body());
        assertEquals(baseline, answer, "manager2's KPIs differ from a random id: " + query);
        assertEquals(baseline, normalise(manager1.raw(query, Map.of("id", missing)).body()));
        assertTrue(answer.contains("\"NOT_FOUND\""), answer);
        String mine = manager1.raw(query, Map.of("id", own)).body();
        assertFalse(mine.contains("\"errors\""), "his own KPIs: " + mine);
      }
      String card =
          manager1
              .run(
                  "{ myKpiCard(period: {kind: MONTH, start: \"2026-01-01\"}) { employee { id } } }")
              .toString();
      assertTrue(card.contains(own), card);
      String list =
          manager1
              .run(
                  "{ employeeKpis(period: {kind: MONTH, start: \"2026-01-01\"}) { totalCount"
                      + " edges { node { employee { id } } } } }")
              .toString();
      assertFalse(list.contains(other), list);
    } finally {
      try (Connection c = ownerConnection()) {
        settings(c, ALFA, null, CONSULTANCY);
        for (long id : inserted) {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM crm_employee WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
          }
        }
      }
    }
  }

  /**
   * Issue #6: managers cannot change schemes, accountants read but cannot publish, the tenant admin
   * edits but does not reach the consultancy's library, the consultant of the tenant applies
   * templates.
   */
  @Test
  @RunAsClient
  void compensation_whoMayEditPublishApplyAndReadTheLibrary() throws Exception {
    Session admin = Session.signedIn(base(), "admin@alfa.demo");
    JsonObject schemes =
        admin.run(
            "{ compensationSchemes { id name versions { id status } } viewer { permissions } }");
    String adminView = schemes.toString();
    assertTrue(adminView.contains("MANAGE_SCHEMES"), adminView);
    assertFalse(adminView.contains("MANAGE_TEMPLATE_LIBRARY"), adminView);
    var list = schemes.getJsonObject("data").getJsonArray("compensationSchemes");
    assertFalse(list.isEmpty(), "the demo publishes schemes in every company: " + adminView);
    String schemeId = list.getJsonObject(0).getString("id");
    String versionId =
        list.getJsonObject(0).getJsonArray("versions").getJsonObject(0).getString("id");
    String definition =
        "{baseSalary: \"70000\", components: [{key: \"volume\", name: \"Объём\","
            + " frequency: MONTHLY, measure: {kpi: \"sales_volume\"},"
            + " rule: {kind: PERCENT, ratePercent: \"3\"}}]}";
    String save =
        "mutation($id: ID!) { saveSchemeDraft(input: {schemeId: $id, definition: "
            + definition
            + "}) { version { id status number } errors { field code message } } }";
    String publish =
        "mutation($id: ID!) { publishSchemeVersion(input: {versionId: $id,"
            + " effectiveFrom: \"2099-01-01\"}) { version { id } errors { field code } } }";

    for (String email : List.of("manager1@alfa.demo", "accountant@alfa.demo")) {
      Session reader = Session.signedIn(base(), email);
      for (String mutation : List.of(save, publish)) {
        String id = mutation == save ? schemeId : versionId;
        String answer = reader.raw(mutation, Map.of("id", id)).body();
        assertTrue(answer.contains("\"FORBIDDEN\""), email + ": " + answer);
      }
      String library = reader.run("{ templateLibrary { templates { code } } }").toString();
      assertTrue(library.contains("\"templateLibrary\":null"), email + ": " + library);
    }
    // the accountant reads every scheme
    String accountant =
        Session.signedIn(base(), "accountant@alfa.demo")
            .run("{ compensationSchemes { id } }")
            .toString();
    assertTrue(accountant.contains(schemeId), accountant);

    // the admin edits: a draft, refused for a closed month, then discarded
    JsonObject saved = admin.run(save, Map.of("id", schemeId));
    JsonObject draft = saved.getJsonObject("data").getJsonObject("saveSchemeDraft");
    assertTrue(draft.getJsonArray("errors").isEmpty(), saved.toString());
    String draftId = draft.getJsonObject("version").getString("id");
    String past =
        admin
            .run(
                "mutation($id: ID!) { publishSchemeVersion(input: {versionId: $id,"
                    + " effectiveFrom: \"2020-01-01\"}) { version { id } errors { field code } } }",
                Map.of("id", draftId))
            .toString();
    assertTrue(past.contains("\"INVALID\"") && past.contains("effectiveFrom"), past);
    String discarded =
        admin
            .run(
                "mutation($id: ID!) { discardSchemeDraft(input: {schemeId: $id})"
                    + " { scheme { id } errors { code } } }",
                Map.of("id", schemeId))
            .toString();
    assertTrue(discarded.contains("\"errors\":[]"), discarded);
    // a definition's problem names its input field; nothing is created
    String invalid =
        admin
            .run(
                "mutation { createScheme(input: {name: \"Проверка\", salesRole: CUSTOM,"
                    + " definition: {baseSalary: \"1\", components: [{key: \"v\", name: \"V\","
                    + " frequency: MONTHLY, measure: {kpi: \"sales_volume\"}, rule: {kind: PERCENT}}]}})"
                    + " { scheme { id } errors { field code } } }")
            .toString();
    assertTrue(
        invalid.contains(
            "\"field\":[\"input\",\"definition\",\"components\",\"0\",\"rule\",\"ratePercent\"]"),
        invalid);
    assertFalse(
        admin.run("{ compensationSchemes { name } }").toString().contains("Проверка"),
        "nothing written");
    // the demo's version 1 is in force (published 13 months ago), PayEmployee ids are the KPI API's
    String current =
        admin
            .run(
                "query($id: ID!) { compensationScheme(id: $id) { current { number status"
                    + " effectiveFrom definition { components { key rule { kind } } } } } }",
                Map.of("id", schemeId))
            .toString();
    assertTrue(current.contains("\"status\":\"PUBLISHED\""), current);
    // ... but reaches no library
    String adminLibrary = admin.run("{ templateLibrary { templates { code } } }").toString();
    assertTrue(adminLibrary.contains("\"templateLibrary\":null"), adminLibrary);

    // the consultant assigned to Alfa applies a template there
    Session consultant = Session.signedIn(base(), "consultant@integrator.demo").in(ALFA.toString());
    JsonObject library =
        consultant.run("{ templateLibrary { templates { id code } } viewer { permissions } }");
    assertTrue(library.toString().contains("MANAGE_TEMPLATE_LIBRARY"), library.toString());
    String templateId = null;
    for (var t :
        library.getJsonObject("data").getJsonObject("templateLibrary").getJsonArray("templates")) {
      if (((JsonObject) t).getString("code").equals("progressive_scale")) {
        templateId = ((JsonObject) t).getString("id");
      }
    }
    assertTrue(templateId != null, library.toString());
    String apply =
        "mutation($id: ID!) { applyTemplates(input: {templateIds: [$id]})"
            + " { schemes { id name source { templateCode libraryVersion } } errors { code } } }";
    String applied = consultant.run(apply, Map.of("id", templateId)).toString();
    assertTrue(
        applied.contains("\"templateCode\":\"progressive_scale\"")
            && applied.contains("\"errors\":[]"),
        applied);
    // the admin may not (the library is the consultancy's)
    String refused = admin.raw(apply, Map.of("id", templateId)).body();
    assertTrue(refused.contains("\"FORBIDDEN\""), refused);
  }

  @Test
  @RunAsClient
  void aConsultant_reachesOnlyAssignedTenants() throws Exception {
    Session consultant = Session.signedIn(base(), "consultant@integrator.demo");
    String tenants =
        consultant.run("{ clientCompanies { name } viewer { tenants { name } } }").toString();
    assertTrue(tenants.contains("Альфа") && tenants.contains("Бета"), tenants);
    assertFalse(tenants.contains("Гамма"), tenants);
    JsonObject refused =
        consultant.run(
            "mutation($t: ID!) { switchTenant(tenantId: $t) { viewer { activeTenant { name } } errors { code } } }",
            Map.of("t", GAMMA.toString()));
    assertEquals(
        "NOT_FOUND",
        refused
            .getJsonObject("data")
            .getJsonObject("switchTenant")
            .getJsonArray("errors")
            .getJsonObject(0)
            .getString("code"));
    String users =
        consultant
            .in(BETA.toString())
            .run("{ tenantUsers { edges { node { user { email } } } } }")
            .toString();
    assertTrue(users.contains("@beta.demo") && !users.contains("@alfa.demo"), users);
  }

  @Test
  @RunAsClient
  void signIn_failsWithoutSayingWhy_andLocksAfterRepeatedFailures() throws Exception {
    Session stranger = new Session(base());
    String unknown =
        stranger
            .run(
                "mutation { signIn(input: {email: \"nobody@nowhere.demo\", password: \"whatever-123\"}) { errors { code message } } }")
            .toString();
    String wrong =
        stranger
            .run(
                "mutation { signIn(input: {email: \"accountant@gamma.demo\", password: \"whatever-123\"}) { errors { code message } } }")
            .toString();
    assertEquals(unknown, wrong, "an unknown address and a wrong password must look the same");
    for (int i = 0; i < 4; i++) {
      stranger.run(
          "mutation { signIn(input: {email: \"accountant@gamma.demo\", password: \"whatever-123\"}) { errors { code } } }");
    }
    String locked =
        stranger
            .run(
                "mutation($p: String!) { signIn(input: {email: \"accountant@gamma.demo\", password: $p}) { errors { code } } }",
                Map.of("p", Session.DEMO_PASSWORD))
            .toString();
    assertTrue(locked.contains("LOCKED"), "the right password is refused while locked: " + locked);
    assertTrue(
        stranger.run("{ viewer { user { email } } }").toString().contains("\"viewer\":null"));
  }

  @Test
  @RunAsClient
  void signOut_endsTheSessionAtOnce() throws Exception {
    Session admin = Session.signedIn(base(), "admin@beta.demo");
    assertTrue(admin.run("{ viewer { user { email } } }").toString().contains("admin@beta.demo"));
    admin.run("mutation { signOut { errors { code } } }");
    assertTrue(admin.run("{ viewer { user { email } } }").toString().contains("\"viewer\":null"));
  }

  @Test
  @RunAsClient
  void invitation_createsAnInvitedMember_whoJoinsWithTheLink_once() throws Exception {
    Session admin = Session.signedIn(base(), "admin@beta.demo");
    String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@beta.demo";
    JsonObject invited =
        admin
            .run(
                "mutation($e: String!) { inviteUser(input: {email: $e, accessRole: ACCOUNTANT})"
                    + " { tenantUser { status } invitationLink errors { code } } }",
                Map.of("e", email))
            .getJsonObject("data")
            .getJsonObject("inviteUser");
    assertEquals("INVITED", invited.getJsonObject("tenantUser").getString("status"));
    String token = invited.getString("invitationLink").substring("/invite/".length());
    Session newcomer = new Session(base());
    String accept =
        "mutation($t: String!) { acceptInvitation(input: {token: $t, displayName: \"Новый Бухгалтер\","
            + " password: \"a-good-password\"}) { viewer { accessRole activeTenant { name } } errors { code } } }";
    String joined = newcomer.run(accept, Map.of("t", token)).toString();
    assertTrue(joined.contains("ACCOUNTANT") && joined.contains("Бета"), joined);
    assertTrue(new Session(base()).run(accept, Map.of("t", token)).toString().contains("EXPIRED"));
    String audit;
    try (Connection c = ownerConnection()) {
      settings(c, BETA, null, CONSULTANCY);
      audit =
          String.valueOf(
              count(
                  c,
                  "SELECT count(*) FROM audit_event WHERE action = 'user.invited' AND tenant_id = '"
                      + BETA
                      + "'"));
    }
    assertNotEquals("0", audit, "the invitation is in the audit log");
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  /** Ids an attacker could try: Gamma's tenant, members, users, employees, departments; junk. */
  private static List<String> gammaIds() throws SQLException {
    List<String> ids = new ArrayList<>(List.of(GAMMA.toString(), "not-a-uuid"));
    // Gamma's employees and departments as global ids (those of its demo portal and any synced)
    Set<Long> employees = new TreeSet<>(List.of(1L, 3L, 5L));
    Set<Long> departments = new TreeSet<>(List.of(1L, 2L));
    try (Connection c = ownerConnection()) {
      settings(c, GAMMA, null, CONSULTANCY);
      try (ResultSet rows =
          c.createStatement().executeQuery("SELECT id FROM crm_employee ORDER BY id LIMIT 3")) {
        while (rows.next()) {
          employees.add(rows.getLong(1));
        }
      }
      try (ResultSet rows =
          c.createStatement().executeQuery("SELECT id FROM crm_department ORDER BY id LIMIT 2")) {
        while (rows.next()) {
          departments.add(rows.getLong(1));
        }
      }
    }
    employees.forEach(e -> ids.add(globalId("Employee", GAMMA, e)));
    // Gamma's schemes, versions, assignments and proposals (issue #6), as global ids and raw
    try (Connection c = ownerConnection()) {
      settings(c, GAMMA, null, CONSULTANCY);
      for (Map.Entry<String, String> table :
          Map.of(
                  "CompensationScheme", "comp_scheme",
                  "SchemeVersion", "comp_scheme_version",
                  "SchemeAssignment", "comp_assignment",
                  "SchemeProposal", "comp_proposal",
                  "WhatIfRun", "comp_whatif_run",
                  "PayoutRun", "pay_run",
                  "Statement", "pay_statement",
                  "StatementLine", "pay_statement_line",
                  "Inquiry", "pay_inquiry")
              .entrySet()) {
        victimRows(c, table.getKey(), table.getValue(), ids);
      }
      for (Map.Entry<String, String> table :
          Map.of(
                  "RegulationsDocument", "reg_document",
                  "RegulationsSection", "reg_section")
              .entrySet()) {
        victimRows(c, table.getKey(), table.getValue(), ids);
      }
    }
    departments.forEach(d -> ids.add(globalId("Department", GAMMA, d)));
    try (Connection c = ownerConnection()) {
      settings(c, GAMMA, null, CONSULTANCY);
      try (ResultSet rows =
          c.createStatement().executeQuery("SELECT id, user_id FROM tenant_member ORDER BY id")) {
        while (rows.next()) {
          ids.add(rows.getString(1));
          ids.add(rows.getString(2));
        }
      }
    }
    return ids;
  }

  /** Up to three rows of a Gamma table as victim ids: raw and as the type's global id. */
  private static void victimRows(Connection c, String type, String table, List<String> ids)
      throws SQLException {
    try (ResultSet rows =
        c.createStatement().executeQuery("SELECT id FROM " + table + " ORDER BY id LIMIT 3")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
        ids.add(
            java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    (type + ":" + GAMMA + ":" + rows.getString(1))
                        .getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  /** Strings that would betray a leak of Gamma's data. */
  private static Set<String> gammaSecrets() throws SQLException {
    Set<String> secrets = new HashSet<>(Set.of("Гамма", "@gamma.demo", "Gamma"));
    try (Connection c = ownerConnection()) {
      settings(c, GAMMA, null, CONSULTANCY);
      try (ResultSet rows = c.createStatement().executeQuery("SELECT id FROM tenant_member")) {
        while (rows.next()) {
          secrets.add(rows.getString(1));
        }
      }
    }
    return secrets;
  }

  /** A checksum of everything of Gamma's, read as the owner inside Gamma's context. */
  private static String gammaChecksum() throws SQLException {
    try (Connection c = ownerConnection()) {
      c.setAutoCommit(false);
      settings(c, GAMMA, null, CONSULTANCY);
      StringBuilder sum = new StringBuilder();
      for (String sql :
          List.of(
              "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM tenant t WHERE t.id = '"
                  + GAMMA
                  + "'",
              "SELECT md5(coalesce(string_agg(m::text, '|' ORDER BY m.id), '')) FROM tenant_member m",
              "SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY a.user_id), '')) FROM consultant_assignment a WHERE a.tenant_id = '"
                  + GAMMA
                  + "'",
              "SELECT md5(coalesce(string_agg(e::text, '|' ORDER BY e.id), '')) FROM audit_event e WHERE e.tenant_id = '"
                  + GAMMA
                  + "'",
              "SELECT md5(coalesce(string_agg(u.id || u.display_name || u.status, '|' ORDER BY u.id), '')) FROM app_user u WHERE u.email LIKE '%@gamma.demo'",
              "SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) FROM comp_scheme s WHERE s.tenant_id = '"
                  + GAMMA
                  + "'",
              "SELECT md5(coalesce(string_agg(v::text, '|' ORDER BY v.id), '')) FROM comp_scheme_version v",
              "SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM comp_assignment a",
              "SELECT md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), '')) FROM comp_proposal p WHERE p.tenant_id = '"
                  + GAMMA
                  + "'",
              "SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) FROM pay_run r",
              "SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) FROM pay_statement s",
              "SELECT md5(coalesce(string_agg(l::text, '|' ORDER BY l.id), '')) FROM pay_statement_line l",
              "SELECT md5(coalesce(string_agg(g::text, '|' ORDER BY g.id), '')) FROM pay_ledger g",
              "SELECT md5(coalesce(string_agg(q::text, '|' ORDER BY q.id), '')) FROM pay_inquiry q",
              "SELECT md5(coalesce(string_agg(c::text, '|' ORDER BY c.id), '')) FROM pay_correction c",
              "SELECT md5(coalesce(string_agg(f::text, '|' ORDER BY f.employee_id), '')) FROM pay_profile f",
              "SELECT md5(coalesce(string_agg(d::text, '|' ORDER BY d.tenant_id), '')) FROM reg_details d",
              "SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) FROM reg_section s",
              "SELECT md5(coalesce(string_agg(d::text, '|' ORDER BY d.id), '')) FROM reg_document d",
              "SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM reg_acknowledgement a")) {
        try (ResultSet row = c.createStatement().executeQuery(sql)) {
          row.next();
          sum.append(row.getString(1)).append(';');
        }
      }
      c.rollback();
      return sum.toString();
    }
  }

  /**
   * Sets the identity settings. Transaction-local when the connection is in a transaction (always
   * so for pooled connections, which must never keep them); session-wide otherwise (our own
   * short-lived owner connections).
   */
  private static void settings(Connection c, UUID tenant, UUID user, UUID consultancy)
      throws SQLException {
    String local = c.getAutoCommit() ? "false" : "true";
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, "
                + local
                + "), set_config('app.user_id', ?, "
                + local
                + "),"
                + " set_config('app.consultancy_id', ?, "
                + local
                + ")")) {
      s.setString(1, tenant == null ? "" : tenant.toString());
      s.setString(2, user == null ? "" : user.toString());
      s.setString(3, consultancy == null ? "" : consultancy.toString());
      s.execute();
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (ResultSet row = c.createStatement().executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }

  private static Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("DB_URL"),
        System.getenv("DB_OWNER_USER"),
        System.getenv("DB_OWNER_PASSWORD"));
  }

  /** A KPI global id as the API writes it (base64url of "Type:tenant:id"). */
  /**
   * Seeds a tenant's regulations straight into the tables (as the owner, inside the tenant):
   * company details, an own section, a published version 1 acknowledged by one employee and a draft
   * version 2 — rows an attacker must not reach. Idempotent.
   */
  static void seedRegulations(UUID tenant, String adminEmail, long employee) throws SQLException {
    UUID published = UUID.nameUUIDFromBytes(("reg:1:" + tenant).getBytes(StandardCharsets.UTF_8));
    UUID draft = UUID.nameUUIDFromBytes(("reg:2:" + tenant).getBytes(StandardCharsets.UTF_8));
    UUID section = UUID.nameUUIDFromBytes(("reg:s:" + tenant).getBytes(StandardCharsets.UTF_8));
    try (Connection c = ownerConnection()) {
      c.setAutoCommit(false);
      settings(c, tenant, null, CONSULTANCY);
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM reg_document WHERE id = ?")) {
        s.setObject(1, published);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            c.rollback();
            return;
          }
        }
      }
      UUID admin;
      try (PreparedStatement s = c.prepareStatement("SELECT id FROM app_user WHERE email = ?")) {
        s.setString(1, adminEmail);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          admin = rs.getObject(1, UUID.class);
        }
      }
      sql(
          c,
          "INSERT INTO reg_details (tenant_id, company_name, inn, updated_at) VALUES (?,"
              + " 'ООО «Гамма Сервис»', '7707083893', now()) ON CONFLICT DO NOTHING",
          tenant);
      sql(
          c,
          "INSERT INTO reg_section (id, tenant_id, position, title_ru, body_ru, updated_at)"
              + " VALUES (?, ?, 1, 'Секрет Гаммы', 'Тайный раздел Гаммы', now())",
          section,
          tenant);
      sql(
          c,
          "INSERT INTO reg_document (id, tenant_id, number, status, effective_from, created_at)"
              + " VALUES (?, ?, 1, 'DRAFT', '2026-01-01', now())",
          published,
          tenant);
      sql(
          c,
          "UPDATE reg_document SET status = 'PUBLISHED', content = '{}', basis = '[]',"
              + " published_at = now(), published_by = ? WHERE id = ?",
          admin,
          published);
      sql(
          c,
          "INSERT INTO reg_acknowledgement (id, tenant_id, document_id, employee_id, user_id,"
              + " acknowledged_at) VALUES (?, ?, ?, ?, ?, now())",
          UUID.randomUUID(),
          tenant,
          published,
          employee,
          admin);
      sql(
          c,
          "INSERT INTO reg_document (id, tenant_id, number, status, effective_from, created_at)"
              + " VALUES (?, ?, 2, 'DRAFT', '2027-01-01', now())",
          draft,
          tenant);
      c.commit();
    }
  }

  /**
   * An approved payout run of 2026-01 in the tenant (idempotent: ids derived from the tenant), one
   * statement per employee with a base and a component line, an inquiry on the first employee's
   * component line, a ledger accrual and a payroll profile — rows an attacker must not reach.
   *
   * @return the statement ids by employee
   */
  static Map<Long, UUID> seedApprovedRun(UUID tenant, String approverEmail, List<Long> employees)
      throws SQLException {
    UUID run = UUID.nameUUIDFromBytes(("run:" + tenant).getBytes(StandardCharsets.UTF_8));
    Map<Long, UUID> statements = new LinkedHashMap<>();
    for (long e : employees) {
      statements.put(
          e,
          UUID.nameUUIDFromBytes(
              ("statement:" + tenant + ":" + e).getBytes(StandardCharsets.UTF_8)));
    }
    try (Connection c = ownerConnection()) {
      c.setAutoCommit(false);
      settings(c, tenant, null, CONSULTANCY);
      UUID approver;
      try (PreparedStatement s = c.prepareStatement("SELECT id FROM app_user WHERE email = ?")) {
        s.setString(1, approverEmail);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          approver = rs.getObject(1, UUID.class);
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pay_run WHERE id = ?")) {
        s.setObject(1, run);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            c.rollback();
            return statements;
          }
        }
      }
      sql(
          c,
          "INSERT INTO pay_run (id, tenant_id, period_start, status, revision, computed_at,"
              + " employees, base_total, variable_total, adjustment_total, total) VALUES (?, ?,"
              + " '2026-01-01', 'DRAFT', 1, now(), ?, 0, 0, 0, 0)",
          run,
          tenant,
          employees.size());
      for (long e : employees) {
        UUID statement = statements.get(e);
        sql(
            c,
            "INSERT INTO pay_statement (id, tenant_id, run_id, employee_id, employee_name,"
                + " basis, notes, base_salary, variable_pay, adjustments, total) VALUES (?, ?, ?,"
                + " ?, ?, '[]', '[]', 50000, 7777.77, 0, 57777.77)",
            statement,
            tenant,
            run,
            e,
            "Сотрудник " + tenant + " " + e);
        for (int position = 1; position <= 2; position++) {
          sql(
              c,
              "INSERT INTO pay_statement_line (id, tenant_id, run_id, statement_id, position,"
                  + " kind, line_key, name_ru, name_en, period_kind, period_start, amount, paid,"
                  + " explanation, deals) VALUES (?, ?, ?, ?, ?, ?, ?, 'Премия', 'Bonus',"
                  + " 'MONTH', '2026-01-01', ?, true, '[]', '[{\"id\": 9999}]')",
              lineId(statement, position),
              tenant,
              run,
              statement,
              position,
              position == 1 ? "BASE" : "COMPONENT",
              position == 1 ? "_base" : "volume_bonus",
              position == 1
                  ? new java.math.BigDecimal("50000")
                  : new java.math.BigDecimal("7777.77"));
        }
      }
      sql(
          c,
          "UPDATE pay_run SET status = 'APPROVED', approved_by = ?, approved_at = now() WHERE id = ?",
          approver,
          run);
      long first = employees.get(0);
      sql(
          c,
          "INSERT INTO pay_ledger (tenant_id, employee_id, kind, run_id, line_key, period_kind,"
              + " period_start, amount, recorded_at) VALUES (?, ?, 'ACCRUAL', ?, 'volume_bonus',"
              + " 'MONTH', '2026-01-01', 7777.77, now())",
          tenant,
          first,
          run);
      sql(
          c,
          "INSERT INTO pay_inquiry (id, tenant_id, statement_id, statement_line_id, employee_id,"
              + " status, raised_by, raised_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, now())",
          UUID.nameUUIDFromBytes(("inquiry:" + tenant).getBytes(StandardCharsets.UTF_8)),
          tenant,
          statements.get(first),
          lineId(statements.get(first), 2),
          first,
          approver);
      sql(
          c,
          "INSERT INTO pay_profile (tenant_id, employee_id, personnel_number, updated_at)"
              + " VALUES (?, ?, 'T-7', now()) ON CONFLICT DO NOTHING",
          tenant,
          first);
      c.commit();
    }
    return statements;
  }

  static UUID lineId(UUID statement, int position) {
    return UUID.nameUUIDFromBytes(
        ("line:" + statement + ":" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static void sql(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.execute();
    }
  }

  /**
   * Issue #7: a manager reads only his own statements (of approved runs), inquiries and estimate;
   * another manager's statement answers exactly like a random id; runs are not his to list.
   */
  @Test
  @RunAsClient
  void aManager_readsOnlyHisOwnStatementsAndInquiries() throws Exception {
    // the demo links manager1@alfa.demo to portal user 3 and manager2@alfa.demo to user 12
    Map<Long, UUID> statements = seedApprovedRun(ALFA, "admin@alfa.demo", List.of(12L, 3L));
    Session manager1 = Session.signedIn(base(), "manager1@alfa.demo").in(ALFA.toString());
    String query = "query($id: ID!) { statement(id: $id) { id total lines { id } } }";
    String other = encoded("Statement", ALFA, statements.get(12L));
    String own = encoded("Statement", ALFA, statements.get(3L));
    String baseline =
        normalise(
            manager1
                .raw(query, Map.of("id", encoded("Statement", ALFA, UUID.randomUUID())))
                .body());
    String answer = normalise(manager1.raw(query, Map.of("id", other)).body());
    assertEquals(baseline, answer, "manager2's statement differs from a random id");
    assertTrue(answer.contains("\"NOT_FOUND\""), answer);
    String mine = manager1.raw(query, Map.of("id", own)).body();
    assertFalse(mine.contains("\"errors\""), "his own statement: " + mine);
    assertTrue(mine.contains("57777.77"), mine);

    // his payouts and inquiries list nothing of manager2's (the seeded inquiry is manager2's)
    String payouts =
        manager1.raw("{ myPayouts { statements { id } } inquiries { id } }", Map.of()).body();
    assertTrue(payouts.contains(own), payouts);
    assertFalse(payouts.contains(other), payouts);
    assertFalse(
        payouts.contains(
            encoded(
                "Inquiry",
                ALFA,
                UUID.nameUUIDFromBytes(("inquiry:" + ALFA).getBytes(StandardCharsets.UTF_8)))),
        payouts);
    // nor may he raise an inquiry on manager2's line, list the runs or export them
    String raise =
        manager1
            .raw(
                "mutation($id: ID!) { raiseInquiry(input: {lineId: $id, comment: \"x\"}) {"
                    + " inquiry { id } errors { code } } }",
                Map.of("id", encoded("StatementLine", ALFA, lineId(statements.get(12L), 2))))
            .body();
    assertTrue(raise.contains("\"NOT_FOUND\""), raise);
    String runs = manager1.raw("{ payoutRuns { id } }", Map.of()).body();
    assertTrue(runs.contains("\"FORBIDDEN\""), runs);

    // downloads: his own statement as XLSX, not manager2's (404 like a random id), no run export
    UUID runId = UUID.nameUUIDFromBytes(("run:" + ALFA).getBytes(StandardCharsets.UTF_8));
    String runGlobal = encoded("PayoutRun", ALFA, runId);
    var ownXlsx = manager1.download("/api/payouts/statements/" + own + "/xlsx");
    assertEquals(200, ownXlsx.statusCode());
    assertEquals('P', (char) ownXlsx.body()[0], "an XLSX is a zip");
    assertEquals(404, manager1.download("/api/payouts/statements/" + other + "/xlsx").statusCode());
    assertEquals(
        404,
        manager1
            .download(
                "/api/payouts/statements/"
                    + encoded("Statement", ALFA, UUID.randomUUID())
                    + "/xlsx")
            .statusCode());
    assertEquals(
        403, manager1.download("/api/payouts/runs/" + runGlobal + "/export/xlsx").statusCode());
    // the accountant downloads the run and its 1C:ZUP file; another tenant's admin gets 404
    Session accountant = Session.signedIn(base(), "accountant@alfa.demo").in(ALFA.toString());
    var zup = accountant.download("/api/payouts/runs/" + runGlobal + "/export/zup-csv");
    assertEquals(200, zup.statusCode(), new String(zup.body(), StandardCharsets.UTF_8));
    assertEquals((byte) 0xEF, zup.body()[0], "UTF-8 BOM");
    assertTrue(
        new String(zup.body(), StandardCharsets.UTF_8).contains("7777,77"),
        new String(zup.body(), StandardCharsets.UTF_8));
    assertEquals(
        200, accountant.download("/api/payouts/runs/" + runGlobal + "/export/xlsx").statusCode());
    Session beta = Session.signedIn(base(), "admin@beta.demo").in(BETA.toString());
    assertEquals(
        404, beta.download("/api/payouts/runs/" + runGlobal + "/export/xlsx").statusCode());
  }

  @Test
  @RunAsClient
  void regulationsPdf_isTheOwnTenantsOnly_andADraftIsHiddenFromManagers() throws Exception {
    seedRegulations(GAMMA, "admin@gamma.demo", 1L);
    Session admin = Session.signedIn(base(), "admin@alfa.demo").in(ALFA.toString());
    String draft =
        admin.raw("{ regulations { draft { id } } }", Map.of()).body().replaceAll("\\s", "");
    if (!draft.contains("\"draft\":{")) {
      String created =
          admin
              .raw(
                  "mutation { createRegulationsDraft(input: {}) { document { id } errors { code"
                      + " message } } }",
                  Map.of())
              .body();
      assertTrue(created.contains("\"errors\":[]"), created);
      draft = created;
    }
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(draft);
    assertTrue(id.find(), draft);
    String document = id.group(1);
    String pdf = "/api/regulations/" + document + "/pdf?lang=ru";

    // the admin downloads the draft; a manager gets 404 for it, exactly like a random id
    var adminPdf = admin.download(pdf);
    assertEquals(200, adminPdf.statusCode(), new String(adminPdf.body(), StandardCharsets.UTF_8));
    assertEquals("%PDF-", new String(adminPdf.body(), 0, 5, StandardCharsets.US_ASCII));
    Session manager1 = Session.signedIn(base(), "manager1@alfa.demo").in(ALFA.toString());
    var hidden = manager1.download(pdf);
    var random =
        manager1.download(
            "/api/regulations/"
                + encoded("RegulationsDocument", ALFA, UUID.randomUUID())
                + "/pdf?lang=ru");
    assertEquals(404, hidden.statusCode());
    assertEquals(404, random.statusCode());
    assertEquals(
        new String(random.body(), StandardCharsets.UTF_8)
            .replaceAll("\"correlationId\":\"[^\"]*\"", ""),
        new String(hidden.body(), StandardCharsets.UTF_8)
            .replaceAll("\"correlationId\":\"[^\"]*\"", ""));
    // published, the manager reads it too; another tenant's admin never
    String published =
        admin
            .raw(
                "mutation($id: ID!) { publishRegulations(input: {id: $id}) { document { status }"
                    + " errors { code message } } }",
                Map.of("id", document))
            .body();
    assertTrue(published.contains("PUBLISHED"), published);
    var managerPdf = manager1.download(pdf.replace("lang=ru", "lang=en"));
    assertEquals(200, managerPdf.statusCode());
    assertEquals("%PDF-", new String(managerPdf.body(), 0, 5, StandardCharsets.US_ASCII));
    Session beta = Session.signedIn(base(), "admin@beta.demo").in(BETA.toString());
    assertEquals(404, beta.download(pdf).statusCode());
    UUID gammaDocument =
        UUID.nameUUIDFromBytes(("reg:1:" + GAMMA).getBytes(StandardCharsets.UTF_8));
    for (String foreign :
        List.of(
            encoded("RegulationsDocument", GAMMA, gammaDocument),
            encoded("RegulationsDocument", ALFA, gammaDocument),
            gammaDocument.toString())) {
      assertEquals(
          404, admin.download("/api/regulations/" + foreign + "/pdf").statusCode(), foreign);
    }
  }

  static String encoded(String type, UUID tenant, UUID id) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + tenant + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  static String globalId(String type, UUID tenant, long id) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + tenant + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  static UUID demoId(String name) {
    return UUID.nameUUIDFromBytes(("premia-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }
}
