package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonValue;

/**
 * A successful call: its {@code result}, and for list methods {@code total} (rows matching, 0 in
 * fast mode) and {@code next} (offset of the following page, null on the last one).
 */
public record BitrixResponse(JsonValue result, Integer total, Integer next, TimeInfo time) {}
