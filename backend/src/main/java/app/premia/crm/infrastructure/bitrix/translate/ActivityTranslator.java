package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.ActivityFact;
import java.util.List;

/**
 * {@code crm.activity.list} rows into {@link ActivityFact}s. Required: {@code ID}, {@code
 * OWNER_TYPE_ID}, {@code LAST_UPDATED}; {@code TYPE_ID} and {@code DIRECTION} default to 0.
 */
public final class ActivityTranslator extends RowTranslator<ActivityFact> {

  public ActivityTranslator() {
    super("activity", "ID");
  }

  @Override
  ActivityFact read(RawRow r, List<String> warnings) {
    return new ActivityFact(
        r.id("ID"),
        r.intOr("TYPE_ID", 0),
        r.code("PROVIDER_ID"),
        r.code("PROVIDER_TYPE_ID"),
        r.intOr("DIRECTION", 0),
        r.flag("COMPLETED"),
        r.reference("RESPONSIBLE_ID"),
        r.requiredInt("OWNER_TYPE_ID"),
        r.reference("OWNER_ID"),
        r.text("SUBJECT"),
        r.dateTime("START_TIME"),
        r.dateTime("END_TIME"),
        r.dateTime("CREATED"),
        r.requiredDateTime("LAST_UPDATED"));
  }
}
