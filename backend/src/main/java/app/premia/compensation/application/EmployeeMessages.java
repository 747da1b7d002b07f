package app.premia.compensation.application;

import java.util.Map;
import java.util.UUID;

/**
 * A CDI event that asks to tell employees something in Bitrix24 once the transaction that fired it
 * committed ({@link PayoutNotifications} observes it {@code AFTER_SUCCESS} and sends in the
 * background): a payout run approved, a regulations version published.
 */
public interface EmployeeMessages {

  UUID tenantId();

  UUID consultancyId();

  /** What the messages are about, for the log («payout run …», «regulations version …»). */
  String subject();

  /** The message for each employee, by portal user id. */
  Map<Long, String> messages();
}
