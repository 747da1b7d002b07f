package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.RegFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Formats;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: every number of the worked examples is what the engine pays for the same inputs.
 */
class WorkedExamplesTest {

  private static List<RegulationsDocument> documents() {
    List<RegulationsDocument> docs = new ArrayList<>(perTemplate());
    docs.add(allTemplates());
    for (int months : new int[] {1, 3}) {
      docs.add(
          RegulationsWriter.write(
              input(
                  1,
                  LocalDate.of(2026, 4, 1),
                  List.of(inForce("Полная схема", SalesRole.VIP, AllKinds.scheme(months), 1)))));
    }
    return docs;
  }

  @Test
  void everyExampleIsWhatTheEnginePaysAndIsPrintedSo() {
    int checked = 0;
    int paying = 0;
    for (RegulationsDocument doc : documents()) {
      Map<String, List<DocBlock.Example>> blocks = new HashMap<>();
      for (DocSection s : doc.sections()) {
        blocks.put(
            s.key(),
            s.blocks().stream()
                .filter(b -> b instanceof DocBlock.Example)
                .map(b -> (DocBlock.Example) b)
                .toList());
      }
      Map<String, Integer> seen = new HashMap<>();
      for (WorkedExample e : doc.examples()) {
        BigDecimal engine = evaluate(e);
        assertEquals(engine, e.amount(), e.sectionKey() + " " + e.componentKey());
        int n = seen.merge(e.sectionKey(), 1, Integer::sum) - 1;
        DocBlock.Example printed = blocks.get(e.sectionKey()).get(n);
        Text money = Formats.money(engine, "₽");
        assertTrue(printed.result().ru().contains(money.ru()), printed.result().ru());
        assertTrue(printed.result().en().contains(money.en()), printed.result().en());
        assertTrue(
            printed.result().ru().contains("(" + RussianAmounts.rubles(engine) + ")"),
            printed.result().ru());
        checked++;
        if (engine.signum() > 0) {
          paying++;
        }
      }
      // every Example block of the document has its WorkedExample
      for (Map.Entry<String, List<DocBlock.Example>> b : blocks.entrySet()) {
        assertEquals(b.getValue().size(), seen.getOrDefault(b.getKey(), 0), b.getKey());
      }
    }
    assertTrue(checked > 80, "examples checked: " + checked);
    assertTrue(paying > checked / 2, paying + " of " + checked + " pay");
  }

  @Test
  void everyComponentHasAPayingExampleAndStrictGatesAnUnpaidOneAtTheThreshold() {
    for (RegulationsDocument doc : documents()) {
      for (WorkedExample e : doc.examples()) {
        assertNotNull(e.definition());
      }
      Set<String> payingComponents =
          doc.examples().stream()
              .filter(e -> e.componentKey() != null && e.amount().signum() > 0)
              .map(e -> e.sectionKey() + "/" + e.componentKey())
              .collect(Collectors.toSet());
      for (DocSection s : doc.sections()) {
        if (!s.key().startsWith("role:")) {
          continue;
        }
        WorkedExample any =
            doc.examples().stream()
                .filter(e -> e.sectionKey().equals(s.key()))
                .findFirst()
                .orElseThrow();
        for (Component c : any.definition().components()) {
          assertTrue(payingComponents.contains(s.key() + "/" + c.key()), s.key() + "/" + c.key());
        }
      }
    }
    // account manager: sales exactly 1 000 000 ₽ under «> 1 000 000 ₽» pays nothing
    RegulationsDocument account = perTemplate().get(1);
    List<WorkedExample> volume =
        account.examples().stream().filter(e -> "volume_bonus".equals(e.componentKey())).toList();
    assertEquals(2, volume.size());
    assertEquals(d("62500.00"), volume.get(0).amount());
    assertEquals(d("0.00"), volume.get(1).amount());
  }

  @Test
  void theExamplesShowTheRulesAtWork() {
    String ru = text(allTemplates(), "ru");
    // progressive scale: the value in the third tier, each band at its rate
    assertTrue(ru.contains(nb("Ступень от 1 000 000,00 ₽: 250 000,00 ₽ × 7 % = 17 500,00 ₽")), ru);
    // contest: second of three, the second prize
    assertTrue(ru.contains("Рейтинг по убыванию: место 2 из 3"));
    assertTrue(ru.contains(nb("Приз за 2-е место: 30 000,00 ₽")));
    // a strict gate at its threshold
    assertTrue(
        ru.contains(nb("Объём продаж 1 000 000,00 ₽ не > 1 000 000,00 ₽ — условие не выполнено")));
    // an inclusive one at its threshold pays
    assertTrue(ru.contains(nb("Удержание клиентов 80 % ≥ 80 % — условие выполнено")));
    // the plural of the facts the engine names
    assertTrue(ru.contains("(12 сделок)"));
    assertTrue(ru.contains("(12 клиентов)"));
    String all =
        text(
            RegulationsWriter.write(
                input(
                    1,
                    LocalDate.of(2026, 4, 1),
                    List.of(inForce("Полная схема", SalesRole.VIP, AllKinds.scheme(2), 1)))),
            "ru");
    assertTrue(all.contains("Сверх плана: max(0;"), all);
    assertTrue(all.contains("Ступень кривой > 120"), all);
    assertTrue(all.contains("Пример на границе ступени"), all);
    assertTrue(all.contains("Адаптация: месяц 1 из 2"), all);
    // the new hire's example shows the guaranteed minimum topping up his variable pay
    assertTrue(all.contains("«Гарантированный минимум адаптации»:"), all);
    assertTrue(
        all.contains(
            nb("Переменная часть за месяц: 20 000,00 ₽ (двадцать тысяч рублей 00 копеек)")),
        all);
    assertTrue(all.contains("Конкурс с 2026-04-01 по 2026-05-31"), all);
    assertFalse(all.contains("null"));
  }
}
