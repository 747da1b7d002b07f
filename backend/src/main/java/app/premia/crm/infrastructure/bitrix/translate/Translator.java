package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.Translation;
import jakarta.json.JsonObject;

/**
 * Turns one raw portal row into a fact or a quarantine entry. Never throws for bad data.
 *
 * @param <T> the fact type
 */
public interface Translator<T> {

  /** The entity name used in quarantine entries (deal, lead, ...). */
  String entity();

  Translation<T> translate(JsonObject raw);
}
