package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.RegFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.PercentRule;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.compensation.domain.TemplateSeed;
import app.premia.compensation.domain.regulations.RegulationsDiff.Change;
import app.premia.compensation.domain.regulations.RegulationsDiff.Kind;
import app.premia.compensation.domain.regulations.RegulationsDiff.Segment;
import app.premia.compensation.domain.regulations.RegulationsDiff.SegmentKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegulationsDiffTest {

  private static final TemplateSeed ACCOUNT = TemplateLibraryDefaults.templates().get(1);

  /** The account manager's scheme with the volume bonus at {@code rate} percent. */
  private static SchemeDefinition account(String rate) {
    List<Component> components = new ArrayList<>();
    for (Component c : ACCOUNT.definition().components()) {
      components.add(
          c.key().equals("volume_bonus")
              ? new Component(
                  c.key(),
                  c.name(),
                  c.frequency(),
                  c.measure(),
                  new PercentRule(new BigDecimal(rate)),
                  c.gates(),
                  c.cap(),
                  c.floor())
              : c);
    }
    SchemeDefinition d = ACCOUNT.definition();
    return new SchemeDefinition(d.baseSalary(), components, d.cap(), d.floor(), d.adaptation());
  }

  private static RegulationsDocument write(
      int number, LocalDate from, List<SchemeInForce> schemes, List<TenantSection> own) {
    return RegulationsWriter.write(
        new RegulationsInput(COMPANY, number, from, schemes, CATALOGUE, own, "₽"));
  }

  private static final Set<String> NUMERALS =
      Set.of(
          "ноль",
          "один",
          "одна",
          "два",
          "две",
          "три",
          "четыре",
          "пять",
          "шесть",
          "семь",
          "восемь",
          "девять",
          "десять",
          "одиннадцать",
          "двенадцать",
          "тринадцать",
          "четырнадцать",
          "пятнадцать",
          "шестнадцать",
          "семнадцать",
          "восемнадцать",
          "девятнадцать",
          "двадцать",
          "тридцать",
          "сорок",
          "пятьдесят",
          "шестьдесят",
          "семьдесят",
          "восемьдесят",
          "девяносто",
          "сто",
          "двести",
          "триста",
          "четыреста",
          "пятьсот",
          "шестьсот",
          "семьсот",
          "восемьсот",
          "девятьсот",
          "тысяча",
          "тысячи",
          "тысяч",
          "миллион",
          "миллиона",
          "миллионов",
          "рубль",
          "рубля",
          "рублей");

  /** Whether a changed run is only numbers: figures (with ₽, %) or a Russian amount in words. */
  private static boolean onlyNumbers(String run) {
    for (String word : run.strip().split("[ \\t]+")) {
      String w = word.replaceAll("^[(«]+|[)».,;:]+$", "");
      if (!(w.matches("[0-9\u00A0,.%₽−]+") || NUMERALS.contains(w))) {
        return false;
      }
    }
    return true;
  }

  private static void assertSegmentsRebuild(Change c) {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (Segment s : c.segments()) {
      if (s.kind() != SegmentKind.ADDED) {
        before.append(s.text());
      }
      if (s.kind() != SegmentKind.REMOVED) {
        after.append(s.text());
      }
    }
    assertEquals(c.before() == null ? "" : c.before(), before.toString());
    assertEquals(c.after() == null ? "" : c.after(), after.toString());
  }

  @Test
  void aNewRateShowsInTheTextTheExamplesAndTheDiffAndNothingElse() {
    SchemeInForce v1 = inForce(ACCOUNT.nameRu(), SalesRole.ACCOUNT, account("5"), 1);
    SchemeInForce v2 = inForce(ACCOUNT.nameRu(), SalesRole.ACCOUNT, account("6"), 2);
    RegulationsDocument older = write(1, LocalDate.of(2026, 3, 1), List.of(v1), List.of());
    RegulationsDocument newer = write(2, LocalDate.of(2026, 4, 1), List.of(v2), List.of());
    String role = "role:" + v2.schemeId();

    // the new text and its examples show 6 % and what the engine pays for it
    String text = text(newer, "ru");
    assertTrue(
        text.contains(nb("Размер премии составляет 6 % от значения показателя «Объём продаж».")),
        text);
    assertTrue(text.contains(nb("«Премия с объёма продаж» = 6 % × Объём продаж, если")));
    assertTrue(text.contains(nb("1 250 000,00 ₽ × 6 % = 75 000,00 ₽")));
    assertTrue(text.contains(nb("75 000,00 ₽ (семьдесят пять тысяч рублей 00 копеек)")));
    assertTrue(!text.contains(nb("5 % от значения показателя «Объём продаж»")));
    WorkedExample volume =
        newer.examples().stream()
            .filter(e -> "volume_bonus".equals(e.componentKey()))
            .findFirst()
            .orElseThrow();
    assertEquals(d("75000.00"), volume.amount());
    assertEquals(volume.amount(), evaluate(volume));

    RegulationsDiff diff = RegulationsDiff.between(older, newer, "ru");
    assertEquals("ru", diff.language());
    List<Change> changes = diff.changes();
    assertTrue(!changes.isEmpty());
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (Change c : changes) {
      assertEquals(Kind.CHANGED, c.kind(), c.toString());
      assertEquals(role, c.sectionKey(), c.toString());
      assertEquals(RoleSection.title(v2), c.sectionTitle());
      assertSegmentsRebuild(c);
      for (Segment s : c.segments()) {
        if (s.kind() == SegmentKind.SAME) {
          continue;
        }
        assertTrue(onlyNumbers(s.text()), "not a number: «" + s.text() + "» in " + c);
        (s.kind() == SegmentKind.REMOVED ? removed : added).add(s.text().strip());
      }
    }
    // the rule, the formula line, the example's arithmetic, its amount and result, the month's
    // total: exactly those paragraphs
    List<String> after = changes.stream().map(Change::after).toList();
    assertEquals(
        List.of(
            nb("Размер премии составляет 6 % от значения показателя «Объём продаж»."),
            nb(
                "«Премия с объёма продаж» = 6 % × Объём продаж, если Объём продаж > 1 000 000,00 ₽; иначе 0"),
            nb("1 250 000,00 ₽ × 6 % = 75 000,00 ₽"),
            nb("К начислению: 75 000,00 ₽"),
            nb(
                "Премия «Премия с объёма продаж» за март 2026 г.: 75 000,00 ₽ (семьдесят пять тысяч рублей 00 копеек)."),
            nb("«Премия с объёма продаж»: 75 000,00 ₽"),
            nb(
                "Переменная часть за месяц: 97 500,00 ₽ (девяносто семь тысяч пятьсот рублей 00 копеек); всего с базовым окладом: 167 500,00 ₽ (сто шестьдесят семь тысяч пятьсот рублей 00 копеек).")),
        after);
    assertTrue(removed.contains(nb("5 %")), removed.toString());
    assertTrue(added.contains(nb("6 %")), added.toString());
    assertTrue(removed.contains(nb("62 500,00 ₽")), removed.toString());
    assertTrue(added.contains(nb("75 000,00 ₽")), added.toString());
    assertEquals(
        List.of(nb("5 %"), nb("6 %")),
        changes.get(0).segments().stream()
            .filter(s -> s.kind() != SegmentKind.SAME)
            .map(Segment::text)
            .toList());

    RegulationsDiff en = RegulationsDiff.between(older, newer, "en");
    assertEquals("en", en.language());
    assertEquals(changes.size(), en.changes().size());
    assertEquals(
        "The bonus is 6\u00A0% of the value of the KPI «Sales volume».",
        en.changes().get(0).after());
    assertEquals(
        List.of("5\u00A0%", "6\u00A0%"),
        en.changes().get(0).segments().stream()
            .filter(s -> s.kind() != SegmentKind.SAME)
            .map(Segment::text)
            .toList());
    assertTrue(
        en.changes().stream()
            .flatMap(c -> c.segments().stream())
            .anyMatch(
                s -> s.kind() == SegmentKind.ADDED && s.text().strip().equals("75,000.00\u00A0₽")));
  }

  @Test
  void sameRulesUnderAnotherNumberAndDateAreNoChange() {
    SchemeInForce s = inForce(ACCOUNT);
    RegulationsDocument a = write(1, LocalDate.of(2026, 1, 1), List.of(s), List.of());
    RegulationsDocument b = write(7, LocalDate.of(2026, 9, 15), List.of(s), List.of());
    assertEquals(List.of(), RegulationsDiff.between(a, b, "ru").changes());
    assertEquals(List.of(), RegulationsDiff.between(a, b, "en").changes());
    assertEquals(List.of(), RegulationsDiff.between(a, a, "ru").changes());
  }

  @Test
  void anAddedSchemeIsAnAddedSectionAndARemovedOneIsRemovedWhereItStood() {
    SchemeInForce account = inForce(ACCOUNT);
    SchemeInForce vip = inForce(TemplateLibraryDefaults.templates().get(2));
    RegulationsDocument one = write(1, LocalDate.of(2026, 3, 1), List.of(account), List.of());
    RegulationsDocument two = write(2, LocalDate.of(2026, 4, 1), List.of(account, vip), List.of());

    List<Change> added = RegulationsDiff.between(one, two, "ru").changes();
    String vipKey = "role:" + vip.schemeId();
    List<Change> inVip = added.stream().filter(c -> c.sectionKey().equals(vipKey)).toList();
    assertTrue(inVip.size() > 10);
    assertEquals("Премирование: Менеджер по работе с VIP-клиентами", inVip.get(0).after());
    for (Change c : inVip) {
      assertEquals(Kind.ADDED, c.kind());
      assertNull(c.before());
      assertEquals(List.of(new Segment(c.after(), SegmentKind.ADDED)), c.segments());
    }
    // the other changes: the list of schemes, its new KPI, the quarterly payout rule
    Set<String> others =
        added.stream()
            .filter(c -> !c.sectionKey().equals(vipKey))
            .map(Change::sectionKey)
            .collect(Collectors.toSet());
    assertEquals(Set.of("general", "terms", "payout"), others);
    assertTrue(
        added.stream()
            .anyMatch(
                c ->
                    c.kind() == Kind.ADDED
                        && c.sectionKey().equals("general")
                        && c.after().contains("схема «Менеджер по работе с VIP-клиентами»")));
    // the VIP section comes after the account manager's and before payout, as in the document
    int firstVip = added.indexOf(inVip.get(0));
    int firstPayout =
        added.indexOf(
            added.stream().filter(c -> c.sectionKey().equals("payout")).findFirst().orElseThrow());
    assertTrue(firstVip < firstPayout);

    List<Change> removed = RegulationsDiff.between(two, one, "ru").changes();
    List<Change> gone = removed.stream().filter(c -> c.sectionKey().equals(vipKey)).toList();
    assertEquals(inVip.size(), gone.size());
    for (Change c : gone) {
      assertEquals(Kind.REMOVED, c.kind());
      assertNull(c.after());
      assertEquals(RoleSection.title(vip), c.sectionTitle());
    }
    int firstGone = removed.indexOf(gone.get(0));
    int payout =
        removed.indexOf(
            removed.stream()
                .filter(c -> c.sectionKey().equals("payout"))
                .findFirst()
                .orElseThrow());
    assertTrue(firstGone < payout);
  }

  @Test
  void tenantSectionsAddedRemovedMovedAndEdited() {
    SchemeInForce s = inForce(ACCOUNT);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    TenantSection first =
        new TenantSection(
            a,
            1,
            "Депремирование",
            "Withholding",
            "Первый абзац.\n\nВторой абзац.\n\nТретий абзац.",
            null);
    TenantSection second =
        new TenantSection(b, 2, "Наставничество", null, "Премия наставнику.", null);
    RegulationsDocument before =
        write(1, LocalDate.of(2026, 3, 1), List.of(s), List.of(first, second));

    // the sections swap places: no change (they pair by key, their text is the same)
    RegulationsDocument swapped =
        write(
            2,
            LocalDate.of(2026, 4, 1),
            List.of(s),
            List.of(
                new TenantSection(a, 2, first.titleRu(), first.titleEn(), first.bodyRu(), null),
                new TenantSection(b, 1, second.titleRu(), null, second.bodyRu(), null)));
    assertEquals(List.of(), RegulationsDiff.between(before, swapped, "ru").changes());

    // a paragraph moved to the front: removed where it was, added where it is
    RegulationsDocument moved =
        write(
            2,
            LocalDate.of(2026, 4, 1),
            List.of(s),
            List.of(
                new TenantSection(
                    a,
                    1,
                    first.titleRu(),
                    first.titleEn(),
                    "Третий абзац.\n\nПервый абзац.\n\nВторой абзац.",
                    null),
                second));
    List<Change> m = RegulationsDiff.between(before, moved, "ru").changes();
    assertEquals(2, m.size(), m.toString());
    assertEquals(
        Set.of(Kind.ADDED, Kind.REMOVED), m.stream().map(Change::kind).collect(Collectors.toSet()));
    for (Change c : m) {
      assertEquals("own:" + a, c.sectionKey());
      assertEquals("Третий абзац.", c.kind() == Kind.ADDED ? c.after() : c.before());
    }

    // a paragraph edited and the second section removed
    RegulationsDocument edited =
        write(
            2,
            LocalDate.of(2026, 4, 1),
            List.of(s),
            List.of(
                new TenantSection(
                    a,
                    1,
                    first.titleRu(),
                    first.titleEn(),
                    "Первый абзац.\n\nВторой абзац, исправленный.\n\nТретий абзац.",
                    null)));
    List<Change> e = RegulationsDiff.between(before, edited, "ru").changes();
    assertEquals(3, e.size(), e.toString());
    Change changed = e.get(0);
    assertEquals(Kind.CHANGED, changed.kind());
    assertEquals("Второй абзац.", changed.before());
    assertEquals("Второй абзац, исправленный.", changed.after());
    assertEquals(
        List.of(
            new Segment("Второй ", SegmentKind.SAME),
            new Segment("абзац.", SegmentKind.REMOVED),
            new Segment("абзац, исправленный.", SegmentKind.ADDED)),
        changed.segments());
    assertSegmentsRebuild(changed);
    assertEquals(Kind.REMOVED, e.get(1).kind());
    assertEquals("own:" + b, e.get(1).sectionKey());
    assertEquals("Наставничество", e.get(1).before());
    assertEquals("Премия наставнику.", e.get(2).before());

    // English: the tenant's English title, his Russian body where he wrote no English
    List<Change> en = RegulationsDiff.between(before, edited, "en").changes();
    assertEquals("Withholding", en.get(0).sectionTitle().en());
    assertEquals("Второй абзац, исправленный.", en.get(0).after());
  }

  @Test
  void wordSegmentsKeepFiguresWholeAndJoinChangesSeparatedOnlyBySpaces() {
    List<Segment> s =
        Differ.words(
            nb("Итого 62 500,00 ₽ (шестьдесят две тысячи пятьсот рублей 00 копеек)."),
            nb("Итого 75 000,00 ₽ (семьдесят пять тысяч рублей 00 копеек)."));
    assertEquals(
        List.of(
            new Segment("Итого ", SegmentKind.SAME),
            new Segment(nb("62 500,00 ₽ (шестьдесят две тысячи пятьсот"), SegmentKind.REMOVED),
            new Segment(nb("75 000,00 ₽ (семьдесят пять тысяч"), SegmentKind.ADDED),
            new Segment(" рублей 00 копеек).", SegmentKind.SAME)),
        s);
  }
}
