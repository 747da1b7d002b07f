package app.premia.archfixture.billing.domain;

import app.premia.archfixture.billing.infrastructure.InvoiceTable;
import graphql.schema.DataFetcher;

/** Violates: a domain class uses infrastructure and GraphQL. */
public class Invoice {
  public InvoiceTable table;
  public DataFetcher<String> fetcher;
}
