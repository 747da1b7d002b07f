package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.crm.domain.DealFact;
import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.StageDictionary;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.Translation;
import app.premia.crm.infrastructure.bitrix.translate.DealTranslator;
import app.premia.crm.infrastructure.bitrix.translate.StageTranslator;
import app.premia.sandbox.Faults;
import app.premia.sandbox.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A portal that serves 20 malformed deals among 2 000: the export runs to the end, every sound deal
 * becomes a fact and exactly the malformed ones are quarantined, each for its own reason.
 */
class HostilePortalTest {

  @Test
  void hostileRows_areQuarantined_andNothingElse() {
    Portal p = Sandbox.portal("hostile", 2_000);
    p.faults(Faults.none().withHostileRows(20));
    TreeMap<Long, String> truth = Truth.of(p, "deal");
    BitrixClient client = new BitrixPortals().client(Sandbox.webhook(p));

    StageTranslator stageTranslator = new StageTranslator();
    List<StageFact> stages = new ArrayList<>();
    for (JsonObject row :
        client.listAll("crm.status.list", ListQuery.of(Json.createObjectBuilder().build()))) {
      Translation<StageFact> t = stageTranslator.translate(row);
      assertTrue(t.isAccepted(), t.toString());
      stages.add(((Translation.Accepted<StageFact>) t).value());
    }
    DealTranslator deals = new DealTranslator(StageDictionary.of(stages));

    TreeSet<Long> accepted = new TreeSet<>();
    Map<String, QuarantineReason> quarantined = new TreeMap<>();
    client.iterate(
        "crm.deal.list",
        ListQuery.classic(null, List.of("*", "UF_*")),
        0,
        (rows, lastId) -> {
          for (JsonObject row : rows) {
            Translation<DealFact> t = deals.translate(row);
            if (t instanceof Translation.Accepted<DealFact> a) {
              accepted.add(a.value().id());
            } else if (t instanceof Translation.Quarantined<DealFact> q) {
              assertTrue(q.rawExcerpt().length() <= 2_000);
              quarantined.put(q.rawId(), q.reason());
            }
          }
        });
    assertEquals(truth.keySet(), accepted, "every sound deal is a fact");

    Map<String, QuarantineReason> expected = new TreeMap<>();
    QuarantineReason[] byKind = {
      QuarantineReason.MISSING_FIELD, // STAGE_ID removed
      QuarantineReason.BAD_MONEY, // "1 000,50"
      QuarantineReason.WRONG_TYPE, // OPPORTUNITY object
      QuarantineReason.BAD_ID, // "X..."
      QuarantineReason.UNKNOWN_STAGE, // C9:NOPE
      QuarantineReason.TOO_LONG, // 200 000-character title
      QuarantineReason.BAD_DATE, // DATE_MODIFY "yesterday"
      QuarantineReason.WRONG_TYPE // ASSIGNED_BY_ID array
    };
    for (int k = 0; k < 20; k++) {
      long id = 1_000_000_000L + k + 1;
      expected.put((k % 8 == 3 ? "X" : "") + id, byKind[k % 8]);
    }
    assertEquals(expected, quarantined, "exactly the hostile rows, each for its reason");
  }
}
