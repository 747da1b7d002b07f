package app.premia.crm.infrastructure.bitrix.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.crm.domain.DealFact;
import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageDictionary;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.StageSemantic;
import app.premia.crm.domain.Translation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DealTranslatorTest {

  static final StageDictionary STAGES =
      StageDictionary.of(
          List.of(
              new StageFact("DEAL_STAGE", "NEW", "New", 10, StageSemantic.IN_PROGRESS, 0),
              new StageFact("DEAL_STAGE", "WON", "Won", 60, StageSemantic.SUCCESS, 0),
              new StageFact("DEAL_STAGE", "LOSE", "Lost", 70, StageSemantic.FAILURE, 0),
              new StageFact(
                  "DEAL_STAGE_1", "C1:EXECUTING", "Executing", 20, StageSemantic.IN_PROGRESS, 1),
              new StageFact("STATUS", "NEW", "New lead", 10, StageSemantic.IN_PROGRESS, null)));

  final DealTranslator translator = new DealTranslator(STAGES);

  /** The first example row of the reference (§7.2). */
  static JsonObject docRow() {
    return parse(
        """
        {"ID": "37", "TITLE": "Supply for Romashka LLC", "TYPE_ID": "SALE", "CATEGORY_ID": "0",
         "STAGE_ID": "WON", "STAGE_SEMANTIC_ID": "S", "CLOSED": "Y", "OPPORTUNITY": "184500.00",
         "CURRENCY_ID": "RUB", "ASSIGNED_BY_ID": "12", "COMPANY_ID": "301", "CONTACT_ID": "512",
         "LEAD_ID": "88", "BEGINDATE": "2024-04-02T03:00:00+03:00",
         "CLOSEDATE": "2024-05-14T03:00:00+03:00", "DATE_CREATE": "2024-04-02T11:37:18+03:00",
         "DATE_MODIFY": "2024-05-14T16:02:41+03:00", "IS_RETURN_CUSTOMER": "N",
         "IS_REPEATED_APPROACH": "N", "SOURCE_ID": "WEB", "UF_CRM_NPS": "9"}
        """);
  }

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  static JsonObject with(JsonObject row, Consumer<JsonObjectBuilder> change) {
    JsonObjectBuilder b = Json.createObjectBuilder(row);
    change.accept(b);
    return b.build();
  }

  DealFact accepted(JsonObject row) {
    Translation<DealFact> t = translator.translate(row);
    var a = assertInstanceOf(Translation.Accepted.class, t, () -> "quarantined: " + t);
    return (DealFact) a.value();
  }

  Translation.Quarantined<?> quarantined(JsonObject row, QuarantineReason reason) {
    Translation<DealFact> t = translator.translate(row);
    var q = assertInstanceOf(Translation.Quarantined.class, t, () -> "accepted: " + t);
    assertEquals(reason, q.reason(), q.detail());
    assertTrue(q.rawExcerpt().length() <= Translation.Quarantined.MAX_EXCERPT);
    return q;
  }

  @Test
  void docExample_becomesATypedDeal() {
    DealFact d = accepted(docRow());
    assertEquals(37, d.id());
    assertEquals("Supply for Romashka LLC", d.title());
    assertEquals(0, d.categoryId());
    assertEquals("WON", d.stageId());
    assertEquals(StageSemantic.SUCCESS, d.semantic());
    assertTrue(d.closed());
    assertEquals(new BigDecimal("184500.00"), d.amount());
    assertEquals("RUB", d.currency());
    assertEquals(12L, d.assignedById());
    assertEquals(301L, d.companyId());
    assertEquals(512L, d.contactId());
    assertEquals(88L, d.leadId());
    assertFalse(d.returnCustomer());
    assertEquals("WEB", d.sourceId());
    assertEquals("SALE", d.typeId());
    assertEquals(LocalDate.of(2024, 4, 2), d.beginDate());
    assertEquals(LocalDate.of(2024, 5, 14), d.closeDate());
    assertEquals(OffsetDateTime.parse("2024-05-14T16:02:41+03:00"), d.modifiedAt());
    assertNull(d.movedAt());
    assertEquals(9, d.nps());
  }

  @Test
  void numbersAndBooleansAsJsonTypes_areReadLeniently() {
    DealFact d =
        accepted(
            with(
                docRow(),
                b ->
                    b.add("ID", 37)
                        .add("CATEGORY_ID", 0)
                        .add("OPPORTUNITY", 184500.5)
                        .add("CLOSED", true)
                        .add("IS_RETURN_CUSTOMER", 1)
                        .add("IS_REPEATED_APPROACH", "1")
                        .add("ASSIGNED_BY_ID", 12)
                        .add("UF_CRM_NPS", 10)));
    assertEquals(37, d.id());
    assertEquals(new BigDecimal("184500.5"), d.amount());
    assertTrue(d.closed());
    assertTrue(d.returnCustomer());
    assertTrue(d.repeatedApproach());
    assertEquals(10, d.nps());
  }

  @Test
  void noReference_isNullWhetherZeroEmptyOrNull() {
    DealFact d =
        accepted(
            with(
                docRow(),
                b ->
                    b.add("COMPANY_ID", "0")
                        .add("CONTACT_ID", "")
                        .addNull("LEAD_ID")
                        .add("ASSIGNED_BY_ID", 0)));
    assertNull(d.companyId());
    assertNull(d.contactId());
    assertNull(d.leadId());
    assertNull(d.assignedById());
  }

  @Test
  void dateFields_takeTheCalendarDateAsWritten_evenWithANegativeOffset() {
    DealFact d = accepted(with(docRow(), b -> b.add("CLOSEDATE", "2024-05-14T00:00:00-05:00")));
    assertEquals(LocalDate.of(2024, 5, 14), d.closeDate());
    DealFact plain = accepted(with(docRow(), b -> b.add("BEGINDATE", "2024-04-02")));
    assertEquals(LocalDate.of(2024, 4, 2), plain.beginDate());
  }

  @Test
  void pipelineComesFromTheStage_whenCategoryIsAbsent() {
    DealFact d =
        accepted(
            with(
                docRow(),
                b ->
                    b.remove("CATEGORY_ID")
                        .add("STAGE_ID", "C1:EXECUTING")
                        .remove("STAGE_SEMANTIC_ID")));
    assertEquals(1, d.categoryId());
    assertEquals(StageSemantic.IN_PROGRESS, d.semantic());
  }

  @Test
  void commaDecimal_isNeverGuessed() {
    var q =
        quarantined(
            with(docRow(), b -> b.add("OPPORTUNITY", "1 000,50")), QuarantineReason.BAD_MONEY);
    assertEquals("37", q.rawId());
    assertTrue(q.detail().contains("OPPORTUNITY"), q.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,5", "1e5", "12.", "abc", "١٢٣", "0x10", "Infinity"})
  void moneyThatIsNotAPlainDecimal_isQuarantined(String amount) {
    quarantined(with(docRow(), b -> b.add("OPPORTUNITY", amount)), QuarantineReason.BAD_MONEY);
  }

  @Test
  void negativeAmount_isQuarantined() {
    quarantined(
        with(docRow(), b -> b.add("OPPORTUNITY", "-5.00")), QuarantineReason.NEGATIVE_AMOUNT);
    quarantined(with(docRow(), b -> b.add("OPPORTUNITY", -5)), QuarantineReason.NEGATIVE_AMOUNT);
  }

  @Test
  void moneyAsAnObject_isAWrongType() {
    quarantined(
        with(
            docRow(),
            b -> b.add("OPPORTUNITY", Json.createObjectBuilder().add("value", "1000.50"))),
        QuarantineReason.WRONG_TYPE);
  }

  @Test
  void arrayWhereAnIdIsExpected_isAWrongType() {
    quarantined(
        with(docRow(), b -> b.add("ASSIGNED_BY_ID", Json.createArrayBuilder().add("1").add("2"))),
        QuarantineReason.WRONG_TYPE);
  }

  @Test
  void nonNumericId_isQuarantinedWithTheRawIdKept() {
    var q = quarantined(with(docRow(), b -> b.add("ID", "X1000000004")), QuarantineReason.BAD_ID);
    assertEquals("X1000000004", q.rawId());
    quarantined(with(docRow(), b -> b.add("ID", "-3")), QuarantineReason.BAD_ID);
    quarantined(with(docRow(), b -> b.add("ID", 3.5)), QuarantineReason.BAD_ID);
  }

  @Test
  void garbageReference_isQuarantined() {
    quarantined(with(docRow(), b -> b.add("COMPANY_ID", "acme")), QuarantineReason.BAD_REFERENCE);
  }

  @Test
  void missingRequiredFields_areQuarantined() {
    quarantined(with(docRow(), b -> b.remove("ID")), QuarantineReason.MISSING_FIELD);
    quarantined(with(docRow(), b -> b.remove("STAGE_ID")), QuarantineReason.MISSING_FIELD);
    quarantined(with(docRow(), b -> b.add("STAGE_ID", "")), QuarantineReason.MISSING_FIELD);
    quarantined(with(docRow(), b -> b.remove("DATE_MODIFY")), QuarantineReason.MISSING_FIELD);
  }

  @Test
  void unknownStage_isQuarantined() {
    quarantined(with(docRow(), b -> b.add("STAGE_ID", "C9:NOPE")), QuarantineReason.UNKNOWN_STAGE);
    // a lead status is not a deal stage
    quarantined(
        with(docRow(), b -> b.add("STAGE_ID", "NEW").add("CATEGORY_ID", "1")),
        QuarantineReason.UNKNOWN_STAGE);
  }

  @Test
  void stageOfAnotherPipeline_isQuarantined() {
    quarantined(
        with(docRow(), b -> b.add("STAGE_ID", "C1:EXECUTING").add("CATEGORY_ID", "0")),
        QuarantineReason.UNKNOWN_STAGE);
  }

  @Test
  void badSemanticOrFlag_isQuarantined() {
    quarantined(with(docRow(), b -> b.add("STAGE_SEMANTIC_ID", "X")), QuarantineReason.BAD_VALUE);
    quarantined(with(docRow(), b -> b.add("CLOSED", "maybe")), QuarantineReason.BAD_FLAG);
    quarantined(with(docRow(), b -> b.add("CLOSED", 2)), QuarantineReason.BAD_FLAG);
  }

  @Test
  void hugeTitle_isQuarantinedNotTruncated_andTheExcerptIsCapped() {
    String huge = "Ж".repeat(200_000);
    var q = quarantined(with(docRow(), b -> b.add("TITLE", huge)), QuarantineReason.TOO_LONG);
    assertEquals(Translation.Quarantined.MAX_EXCERPT, q.rawExcerpt().length());
    accepted(with(docRow(), b -> b.add("TITLE", "T".repeat(RawRow.MAX_TEXT))));
  }

  @Test
  void badDates_areQuarantined() {
    quarantined(with(docRow(), b -> b.add("DATE_MODIFY", "yesterday")), QuarantineReason.BAD_DATE);
    quarantined(
        with(docRow(), b -> b.add("DATE_MODIFY", "2024-05-14 16:02:41")),
        QuarantineReason.BAD_DATE);
    quarantined(with(docRow(), b -> b.add("CLOSEDATE", "14.05.2024")), QuarantineReason.BAD_DATE);
    quarantined(
        with(docRow(), b -> b.add("CLOSEDATE", "2024-02-30T00:00:00+03:00")),
        QuarantineReason.BAD_DATE);
  }

  @Test
  void currency_mustBeThreeUpperCaseLetters_andPresentForANonZeroAmount() {
    quarantined(with(docRow(), b -> b.add("CURRENCY_ID", "rub")), QuarantineReason.BAD_CURRENCY);
    quarantined(with(docRow(), b -> b.add("CURRENCY_ID", "RUBL")), QuarantineReason.BAD_CURRENCY);
    quarantined(with(docRow(), b -> b.remove("CURRENCY_ID")), QuarantineReason.BAD_CURRENCY);
    DealFact zero =
        accepted(with(docRow(), b -> b.add("OPPORTUNITY", "0.00").add("CURRENCY_ID", "")));
    assertEquals(0, zero.amount().signum());
    assertNull(zero.currency());
  }

  @Test
  void npsOutsideZeroToTen_isNoScoreWithAWarning_notAQuarantine() {
    for (String bad : List.of("11", "-1", "7.5", "nine")) {
      Translation<DealFact> t = translator.translate(with(docRow(), b -> b.add("UF_CRM_NPS", bad)));
      var a = assertInstanceOf(Translation.Accepted.class, t);
      assertNull(((DealFact) a.value()).nps(), bad);
      assertEquals(1, a.warnings().size(), bad);
    }
    Translation<DealFact> arr =
        translator.translate(
            with(docRow(), b -> b.add("UF_CRM_NPS", Json.createArrayBuilder().add(9))));
    assertTrue(arr.isAccepted());
    assertNull(accepted(with(docRow(), b -> b.addNull("UF_CRM_NPS"))).nps());
    assertNull(accepted(with(docRow(), b -> b.add("UF_CRM_NPS", ""))).nps());
  }

  @Test
  void npsFieldName_isATenantSetting() {
    DealTranslator custom = new DealTranslator(STAGES, "UF_CRM_1721244482250");
    var t = custom.translate(with(docRow(), b -> b.add("UF_CRM_1721244482250", "4")));
    assertEquals(4, ((DealFact) ((Translation.Accepted<?>) t).value()).nps());
  }

  @Test
  void aNonObjectRow_isNotARow() {
    var t = translator.translate(Json.createObjectBuilder().add("__raw", "just a string").build());
    assertEquals(QuarantineReason.NOT_A_ROW, ((Translation.Quarantined<?>) t).reason());
    assertEquals(
        QuarantineReason.NOT_A_ROW,
        ((Translation.Quarantined<?>) translator.translate(null)).reason());
  }
}
