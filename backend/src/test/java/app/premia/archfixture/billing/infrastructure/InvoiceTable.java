package app.premia.archfixture.billing.infrastructure;

import app.premia.archfixture.sales.domain.Deal;

/** Part of a cycle: billing → sales → billing. */
public class InvoiceTable {
  public Deal deal;
}
