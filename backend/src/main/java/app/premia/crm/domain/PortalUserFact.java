package app.premia.crm.domain;

import java.time.LocalDate;
import java.util.List;

/** An employee account of the portal; inactive users are kept (their history still counts). */
public record PortalUserFact(
    long id,
    boolean active,
    String firstName,
    String lastName,
    String secondName,
    String email,
    String position,
    List<Long> departmentIds,
    LocalDate hiredOn,
    String userType) {
  public PortalUserFact {
    departmentIds = List.copyOf(departmentIds);
  }
}
