package app.premia.compensation.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One employee evaluated under one scheme version in one run.
 *
 * @param employeeId the portal user's id
 * @param name his name, for explanations and rankings
 * @param hiredOn the hire day (adaptation counts from its month), null when unknown
 * @param assignedFrom the first day he is on this scheme version (assignment ∩ version validity ∩
 *     employment); proration counts the days from here
 * @param assignedTo the last day (inclusive), null = open
 * @param headsDepartment true when he heads a department (TEAM measures are defined)
 * @param kpis his values and plans
 */
public record Participant(
    long employeeId,
    String name,
    LocalDate hiredOn,
    LocalDate assignedFrom,
    LocalDate assignedTo,
    boolean headsDepartment,
    KpiLookup kpis) {

  public Participant {
    Objects.requireNonNull(assignedFrom, "assignedFrom");
    Objects.requireNonNull(kpis, "kpis");
  }
}
