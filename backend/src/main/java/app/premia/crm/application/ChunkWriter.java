package app.premia.crm.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs writes in submission order on one thread, with at most {@code inFlight} waiting: the reader
 * blocks when the writer falls behind. The first failure stops later writes and is rethrown to the
 * reader (on its next submit, or by {@link #finish()}), so a cursor is never committed past a chunk
 * that failed.
 */
final class ChunkWriter implements AutoCloseable {

  private final ExecutorService thread;
  private final Semaphore slots;
  private volatile RuntimeException failure;

  ChunkWriter(ThreadFactory threads, int inFlight) {
    this.thread = Executors.newSingleThreadExecutor(threads);
    this.slots = new Semaphore(inFlight);
  }

  void submit(Runnable write) {
    rethrow();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the writer", e);
    }
    thread.execute(
        () -> {
          try {
            if (failure == null) {
              write.run();
            }
          } catch (RuntimeException e) {
            failure = e;
          } finally {
            slots.release();
          }
        });
  }

  /** Waits for every write submitted so far; rethrows the first failure. */
  void finish() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Writing the synced rows did not finish in 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the writer", e);
    }
    rethrow();
  }

  private void rethrow() {
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
