package app.premia.sandbox;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Rows of one entity keyed by numeric ID (sorted: {@code >ID} paging never scans). */
final class Table {
  final Schema schema;
  final ConcurrentSkipListMap<Long, Row> rows = new ConcurrentSkipListMap<>();
  final AtomicLong seq = new AtomicLong();

  Table(Schema schema) {
    this.schema = schema;
  }

  void put(Row r) {
    rows.put(r.id, r);
    seq.accumulateAndGet(r.id, Math::max);
  }

  long nextId() {
    return seq.incrementAndGet();
  }

  Row get(long id) {
    return rows.get(id);
  }

  int size() {
    return rows.size();
  }
}
