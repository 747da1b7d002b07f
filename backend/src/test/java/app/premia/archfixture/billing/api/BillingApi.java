package app.premia.archfixture.billing.api;

/** A published api: other contexts may use this. */
public interface BillingApi {
  String invoiceNumber();
}
