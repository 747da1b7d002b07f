package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.RegFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegulationsCodecTest {

  @Test
  void roundTripGivesTheStoredDocument() {
    RegulationsDocument doc = allTemplates();
    assertFalse(doc.examples().isEmpty());
    String json = RegulationsCodec.toJson(doc);
    RegulationsDocument back = RegulationsCodec.fromJson(json);
    assertEquals(doc.stored(), back);
    assertTrue(back.examples().isEmpty());
    assertEquals(json, RegulationsCodec.toJson(back));
    assertEquals(json, RegulationsCodec.toJson(doc.stored()));
  }

  @Test
  void tenantMarkdownOptionalFieldsAndEveryBlockKindSurvive() {
    CompanyDetails bare = new CompanyDetails("ИП Петров", null, null, null, null, null, null);
    List<TenantSection> own =
        List.of(
            new TenantSection(
                UUID.randomUUID(),
                1,
                "Свой раздел",
                null,
                "Текст *с* разметкой\n\nи «кавычками» \"так\".",
                null),
            new TenantSection(UUID.randomUUID(), 2, "Второй", "Second", "Второй.", "Second."));
    RegulationsDocument doc =
        RegulationsWriter.write(
            new RegulationsInput(
                bare,
                4,
                LocalDate.of(2027, 1, 1),
                List.of(
                    inForce("Полная схема", SalesRole.VIP, AllKinds.scheme(3), 2),
                    inForce(TemplateLibraryDefaults.templates().get(5))),
                CATALOGUE,
                own,
                "₽"));
    RegulationsDocument back = RegulationsCodec.fromJson(RegulationsCodec.toJson(doc));
    assertEquals(doc.stored(), back);
    assertEquals(bare, back.company());
    assertEquals(
        java.util.Set.of(
            DocBlock.Clause.class,
            DocBlock.Items.class,
            DocBlock.Formula.class,
            DocBlock.Example.class,
            DocBlock.Markdown.class),
        back.sections().stream()
            .flatMap(s -> s.blocks().stream())
            .map(Object::getClass)
            .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void aFullCompanyBlockSurvives() {
    RegulationsDocument doc =
        RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), List.of()));
    assertEquals(COMPANY, RegulationsCodec.fromJson(RegulationsCodec.toJson(doc)).company());
  }

  @Test
  void somethingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RegulationsCodec.fromJson("{}"));
    assertThrows(IllegalArgumentException.class, () -> RegulationsCodec.fromJson("[1]"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RegulationsCodec.fromJson(
                "{\"title\":{\"ru\":\"a\",\"en\":\"b\"},\"company\":{\"name\":\"c\"},\"number\":1,"
                    + "\"effectiveFrom\":\"2026-01-01\",\"sections\":[{\"key\":\"k\",\"number\":1,"
                    + "\"title\":{\"ru\":\"a\",\"en\":\"b\"},\"blocks\":[{\"type\":\"PICTURE\"}]}]}"));
  }
}
