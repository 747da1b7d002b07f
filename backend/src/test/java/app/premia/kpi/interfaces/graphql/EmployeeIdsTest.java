package app.premia.kpi.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.premia.kpi.api.EmployeeIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Compensation's PayEmployee.id must be the KPI API's Employee.id, so the UI can link them. */
class EmployeeIdsTest {

  @Test
  void theSameIdAsTheKpiApi_andBoundToTheTenant() {
    UUID tenant = UUID.randomUUID();
    String kpi = GlobalIds.encode(GlobalIds.EMPLOYEE, tenant, 42L);
    assertEquals(kpi, EmployeeIds.encode(tenant, 42));
    assertEquals(42L, EmployeeIds.decode(tenant, kpi));
    assertNull(EmployeeIds.decode(UUID.randomUUID(), kpi), "another tenant's id");
    assertNull(
        EmployeeIds.decode(tenant, GlobalIds.encode(GlobalIds.DEPARTMENT, tenant, 42L)),
        "another type");
    assertNull(EmployeeIds.decode(tenant, "not an id"));
  }
}
