package app.premia.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Mutable request counters of one portal. */
final class StatsCollector {
  final AtomicLong requests = new AtomicLong();
  final AtomicLong rejected503 = new AtomicLong();
  final AtomicLong rejected429 = new AtomicLong();
  private final ConcurrentHashMap<String, Acc> methods = new ConcurrentHashMap<>();

  private static final class Acc {
    final LongAdder calls = new LongAdder();
    final DoubleAdder cost = new DoubleAdder();
  }

  void call(String method, double cost) {
    Acc a = methods.computeIfAbsent(method, k -> new Acc());
    a.calls.increment();
    a.cost.add(cost);
  }

  PortalStats snapshot() {
    Map<String, PortalStats.MethodStats> m = new TreeMap<>();
    methods.forEach((k, v) -> m.put(k, new PortalStats.MethodStats(v.calls.sum(), v.cost.sum())));
    return new PortalStats(requests.get(), rejected503.get(), rejected429.get(), Map.copyOf(m));
  }

  void reset() {
    requests.set(0);
    rejected503.set(0);
    rejected429.set(0);
    methods.clear();
  }
}
