package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Receives the pages of a fast iteration in id order. {@code lastId} is the cursor after this page:
 * persisting it with the page's effects lets a later run continue with {@code afterId = lastId}.
 * Throwing stops the iteration (the exception propagates).
 */
@FunctionalInterface
public interface PageSink {
  void page(List<JsonObject> rows, long lastId);
}
