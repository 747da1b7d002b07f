package app.premia.crm.infrastructure.bitrix;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/** What all clients of one portal share: pacing, the current address and the OAuth tokens. */
final class PortalState {

  final String key;
  final PortalPacer pacer;
  final TokenKeeper tokens;
  private final AtomicReference<URI> restBase;

  PortalState(String key, PortalPacer pacer, TokenKeeper tokens, URI restBase) {
    this.key = key;
    this.pacer = pacer;
    this.tokens = tokens;
    this.restBase = new AtomicReference<>(restBase);
  }

  URI restBase() {
    return restBase.get();
  }

  /** Switches to a new address; true when it changed (so the caller reports it once). */
  boolean moveTo(URI newBase) {
    URI old = restBase.get();
    return !old.equals(newBase) && restBase.compareAndSet(old, newBase);
  }
}
