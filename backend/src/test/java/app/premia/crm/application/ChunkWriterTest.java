package app.premia.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkWriterTest {

  @Test
  void writesInSubmissionOrder() {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    try (ChunkWriter writer = new ChunkWriter(Executors.defaultThreadFactory(), 2)) {
      for (int i = 0; i < 200; i++) {
        int chunk = i;
        writer.submit(() -> written.add(chunk));
      }
      writer.finish();
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add(i);
    }
    assertEquals(expected, written);
  }

  @Test
  void aFailedWriteStopsTheLaterOnesAndReachesTheReader() {
    AtomicInteger after = new AtomicInteger();
    try (ChunkWriter writer = new ChunkWriter(Executors.defaultThreadFactory(), 1)) {
      writer.submit(
          () -> {
            throw new IllegalStateException("disk full");
          });
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> {
                for (int i = 0; i < 10; i++) {
                  writer.submit(after::incrementAndGet);
                }
                writer.finish();
              });
      assertEquals("disk full", e.getMessage());
    }
    assertEquals(0, after.get(), "no chunk after the failed one was written");
  }
}
