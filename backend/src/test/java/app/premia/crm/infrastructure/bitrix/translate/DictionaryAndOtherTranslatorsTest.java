package app.premia.crm.infrastructure.bitrix.translate;

import static app.premia.crm.infrastructure.bitrix.translate.DealTranslatorTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.crm.domain.ActivityFact;
import app.premia.crm.domain.CompanyFact;
import app.premia.crm.domain.ContactFact;
import app.premia.crm.domain.CurrencyFact;
import app.premia.crm.domain.DepartmentFact;
import app.premia.crm.domain.LeadFact;
import app.premia.crm.domain.PipelineFact;
import app.premia.crm.domain.PortalUserFact;
import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.StageHistoryFact;
import app.premia.crm.domain.StageSemantic;
import app.premia.crm.domain.Translation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's own examples read as facts; one hostile variant of each is quarantined. */
class DictionaryAndOtherTranslatorsTest {

  @SuppressWarnings("unchecked")
  static <T> T value(Translation<T> t) {
    assertTrue(t.isAccepted(), () -> "quarantined: " + t);
    return ((Translation.Accepted<T>) t).value();
  }

  static QuarantineReason reason(Translation<?> t) {
    assertFalse(t.isAccepted(), () -> "accepted: " + t);
    return ((Translation.Quarantined<?>) t).reason();
  }

  @Test
  void stages_fromStatusList() {
    StageTranslator t = new StageTranslator();
    StageFact fresh =
        value(
            t.translate(
                parse(
                    """
                    {"ID": "101", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "NAME": "New",
                     "SORT": "10", "CATEGORY_ID": null, "SEMANTICS": null}
                    """)));
    assertEquals(StageSemantic.IN_PROGRESS, fresh.semantic());
    assertEquals(0, fresh.categoryId());
    assertEquals(10, fresh.sort());
    StageFact apology =
        value(
            t.translate(
                parse(
                    """
                    {"ENTITY_ID": "DEAL_STAGE_3", "STATUS_ID": "C3:APOLOGY", "NAME": "Analyse",
                     "SORT": 80, "SEMANTICS": "F"}
                    """)));
    assertEquals(StageSemantic.FAILURE, apology.semantic());
    assertEquals(3, apology.categoryId());
    StageFact lead =
        value(
            t.translate(
                parse(
                    "{\"ENTITY_ID\": \"STATUS\", \"STATUS_ID\": \"JUNK\", \"SEMANTICS\": \"F\"}")));
    assertNull(lead.categoryId());
    assertEquals(
        QuarantineReason.BAD_VALUE,
        reason(
            t.translate(
                parse("{\"ENTITY_ID\": \"STATUS\", \"STATUS_ID\": \"X\", \"SEMANTICS\": \"W\"}"))));
  }

  @Test
  void pipelines_fromCategoryList_includingTheDefaultZero() {
    PipelineTranslator t = new PipelineTranslator();
    PipelineFact general =
        value(
            t.translate(
                parse("{\"id\": 0, \"name\": \"General\", \"sort\": 300, \"isDefault\": \"Y\"}")));
    assertEquals(new PipelineFact(0, "General", 300, true), general);
    assertEquals(
        QuarantineReason.MISSING_FIELD, reason(t.translate(parse("{\"id\": 1, \"sort\": 200}"))));
  }

  @Test
  void currencies_withNominalAndRate() {
    CurrencyTranslator t = new CurrencyTranslator();
    CurrencyFact usd =
        value(
            t.translate(
                parse(
                    "{\"CURRENCY\": \"USD\", \"AMOUNT_CNT\": \"1\", \"AMOUNT\": \"90.5000\", \"BASE\": \"N\"}")));
    assertEquals(new CurrencyFact("USD", 1, new BigDecimal("90.5000"), false), usd);
    assertEquals(
        QuarantineReason.BAD_CURRENCY,
        reason(t.translate(parse("{\"CURRENCY\": \"usd\", \"AMOUNT\": \"1\"}"))));
    assertEquals(
        QuarantineReason.BAD_MONEY,
        reason(t.translate(parse("{\"CURRENCY\": \"USD\", \"AMOUNT\": \"0\"}"))));
  }

  @Test
  void users_withBooleanActiveAndNumericDepartments() {
    PortalUserTranslator t = new PortalUserTranslator();
    PortalUserFact u =
        value(
            t.translate(
                parse(
                    """
                    {"ID": "12", "ACTIVE": true, "NAME": "Irina", "LAST_NAME": "Sokolova",
                     "SECOND_NAME": "", "EMAIL": "i.sokolova@acme.ru", "WORK_POSITION": "Sales manager",
                     "UF_EMPLOYMENT_DATE": "", "UF_DEPARTMENT": [5, "7"], "USER_TYPE": "employee",
                     "TIMESTAMP_X": {}}
                    """)));
    assertTrue(u.active());
    assertEquals(List.of(5L, 7L), u.departmentIds());
    assertNull(u.hiredOn());
    assertEquals("employee", u.userType());
    PortalUserFact dismissed =
        value(
            t.translate(
                parse(
                    "{\"ID\": 13, \"ACTIVE\": false, \"UF_EMPLOYMENT_DATE\": \"2023-02-01T00:00:00+03:00\"}")));
    assertFalse(dismissed.active());
    assertEquals(LocalDate.of(2023, 2, 1), dismissed.hiredOn());
    assertEquals(
        QuarantineReason.BAD_REFERENCE,
        reason(t.translate(parse("{\"ID\": 14, \"UF_DEPARTMENT\": [\"sales\"]}"))));
  }

  @Test
  void departments_rootWithoutParent() {
    DepartmentTranslator t = new DepartmentTranslator();
    assertEquals(
        new DepartmentFact(1, "Acme LLC", null, 1L, 500),
        value(
            t.translate(
                parse(
                    "{\"ID\": \"1\", \"NAME\": \"Acme LLC\", \"SORT\": 500, \"UF_HEAD\": \"1\"}"))));
    assertEquals(
        new DepartmentFact(5, "Acquisition team", 3L, null, 500),
        value(
            t.translate(
                parse(
                    "{\"ID\": \"5\", \"NAME\": \"Acquisition team\", \"SORT\": 500, \"PARENT\": \"3\", \"UF_HEAD\": \"\"}"))));
  }

  @Test
  void leads_needAKnownStatus() {
    LeadTranslator t = new LeadTranslator(DealTranslatorTest.STAGES);
    String row =
        """
        {"ID": "5", "TITLE": "Inbound call 12 May", "STATUS_ID": "NEW", "CONTACT_ID": "2069",
         "COMPANY_ID": "0", "IS_RETURN_CUSTOMER": "N", "SOURCE_ID": "CALL", "OPPORTUNITY": "15000.00",
         "CURRENCY_ID": "RUB", "ASSIGNED_BY_ID": "12", "DATE_CREATE": "2024-05-12T15:10:16+03:00",
         "DATE_MODIFY": "2024-05-16T16:43:44+03:00"}
        """;
    LeadFact l = value(t.translate(parse(row)));
    assertEquals(StageSemantic.IN_PROGRESS, l.semantic());
    assertEquals(2069L, l.contactId());
    assertNull(l.companyId());
    assertEquals(
        QuarantineReason.UNKNOWN_STAGE,
        reason(t.translate(parse(row.replace("\"NEW\"", "\"CONVERTED\"")))));
  }

  @Test
  void contactsAndCompanies() {
    ContactFact c =
        value(
            new ContactTranslator()
                .translate(
                    parse(
                        "{\"ID\": \"84\", \"NAME\": \"Ivan\", \"LAST_NAME\": \"Petrov\", \"SECOND_NAME\": \" \", \"COMPANY_ID\": \"9\", \"DATE_MODIFY\": \"2024-05-14T16:02:41+03:00\"}")));
    assertEquals("Petrov Ivan", c.fullName());
    assertEquals(9L, c.companyId());
    CompanyFact co =
        value(
            new CompanyTranslator()
                .translate(
                    parse(
                        "{\"ID\": \"2919\", \"TITLE\": \"Crossroads\", \"IS_MY_COMPANY\": \"Y\", \"ASSIGNED_BY_ID\": \"811\", \"DATE_MODIFY\": \"2024-05-14T16:02:41+03:00\"}")));
    assertTrue(co.myCompany());
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(new CompanyTranslator().translate(parse("{\"ID\": \"1\", \"TITLE\": \"x\"}"))));
  }

  @Test
  void activities_fromTheDocExample() {
    ActivityFact a =
        value(
            new ActivityTranslator()
                .translate(
                    parse(
                        """
                        {"ID": "20", "OWNER_ID": "15", "OWNER_TYPE_ID": "2", "TYPE_ID": "2",
                         "PROVIDER_ID": "VOXIMPLANT_CALL", "PROVIDER_TYPE_ID": "CALL",
                         "SUBJECT": "Outgoing call Ivan Petrov", "CREATED": "2024-09-27T13:26:55+03:00",
                         "LAST_UPDATED": "2024-09-27T13:40:24+03:00", "START_TIME": "2024-09-27T13:25:00+03:00",
                         "END_TIME": "2024-09-27T13:31:00+03:00", "COMPLETED": "Y", "STATUS": "2",
                         "RESPONSIBLE_ID": "505", "DIRECTION": "2"}
                        """)));
    assertEquals(2, a.typeId());
    assertEquals(2, a.direction());
    assertTrue(a.completed());
    assertEquals(505L, a.responsibleId());
    assertEquals(2, a.ownerTypeId());
    assertEquals(15L, a.ownerId());
  }

  @Test
  void stageHistory_withRealNumbers_andLeadStatusFields() {
    StageHistoryFact h =
        value(
            new StageHistoryTranslator(2)
                .translate(
                    parse(
                        "{\"ID\": 41, \"TYPE_ID\": 3, \"OWNER_ID\": 21, \"CREATED_TIME\": \"2024-05-14T16:02:41+03:00\", \"CATEGORY_ID\": 0, \"STAGE_SEMANTIC_ID\": \"S\", \"STAGE_ID\": \"WON\"}")));
    assertEquals(
        new StageHistoryFact(41, 2, 3, 21, 0, "WON", StageSemantic.SUCCESS, h.createdAt()), h);
    StageHistoryFact lead =
        value(
            new StageHistoryTranslator(1)
                .translate(
                    parse(
                        "{\"ID\": 7, \"TYPE_ID\": 1, \"OWNER_ID\": 3, \"CREATED_TIME\": \"2024-05-14T16:02:41+03:00\", \"STATUS_SEMANTIC_ID\": \"P\", \"STATUS_ID\": \"NEW\"}")));
    assertNull(lead.categoryId());
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            new StageHistoryTranslator(2)
                .translate(
                    parse(
                        "{\"ID\": 42, \"TYPE_ID\": 3, \"OWNER_ID\": 21, \"STAGE_ID\": \"WON\", \"STAGE_SEMANTIC_ID\": \"S\"}"))));
  }
}
