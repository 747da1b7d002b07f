package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.QuarantineReason;

/** Thrown by {@link RawRow} accessors: this row cannot become a fact. Cheap (no stack trace). */
final class Rejected extends RuntimeException {
  final QuarantineReason reason;

  Rejected(QuarantineReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }
}
