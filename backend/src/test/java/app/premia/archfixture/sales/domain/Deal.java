package app.premia.archfixture.sales.domain;

import app.premia.archfixture.billing.api.BillingApi;
import app.premia.archfixture.billing.infrastructure.InvoiceTable;

/** Violates: reaches into billing's infrastructure (its use of BillingApi is fine). */
public class Deal {
  public InvoiceTable table;
  public BillingApi billing;
}
