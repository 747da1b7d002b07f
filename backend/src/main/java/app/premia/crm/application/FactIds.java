package app.premia.crm.application;

import app.premia.crm.domain.ActivityFact;
import app.premia.crm.domain.CompanyFact;
import app.premia.crm.domain.ContactFact;
import app.premia.crm.domain.DealFact;
import app.premia.crm.domain.DepartmentFact;
import app.premia.crm.domain.LeadFact;
import app.premia.crm.domain.PortalUserFact;
import app.premia.crm.domain.StageHistoryFact;

/** The Bitrix24 id of a fact record. */
final class FactIds {

  private FactIds() {}

  static long id(Object fact) {
    if (fact instanceof DealFact f) {
      return f.id();
    } else if (fact instanceof LeadFact f) {
      return f.id();
    } else if (fact instanceof ContactFact f) {
      return f.id();
    } else if (fact instanceof CompanyFact f) {
      return f.id();
    } else if (fact instanceof ActivityFact f) {
      return f.id();
    } else if (fact instanceof StageHistoryFact f) {
      return f.id();
    } else if (fact instanceof PortalUserFact f) {
      return f.id();
    } else if (fact instanceof DepartmentFact f) {
      return f.id();
    }
    throw new IllegalArgumentException("Not a fact with an id: " + fact.getClass().getSimpleName());
  }
}
