package app.premia.archfixture.platform;

import app.premia.archfixture.billing.domain.Invoice;

/** Violates: the platform imports a business context. */
public class LeakyPlatform {
  public Invoice invoice;
}
