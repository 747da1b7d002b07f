package app.premia.compensation.interfaces.graphql;

import app.premia.compensation.application.Audit;
import app.premia.compensation.application.Library;
import app.premia.compensation.application.LibraryStore;
import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.application.SchemeStore;
import app.premia.compensation.application.Schemes;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.tenancy.api.TenantAccess.CompensationCaller;
import app.premia.tenancy.api.TenantAccess.LibraryCaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One GraphQL request's compensation state: the caller (asked of tenancy once, linked to his portal
 * user by e-mail when his membership has no explicit link), the connection, and memos several
 * fields share. Lives in the request's {@code GraphQLContext}; data loaders get it as key context.
 */
final class CompensationRequest {

  /** Messages and change texts are Russian until the request carries a language. */
  /** The request's language (its Accept-Language: ru unless English). */
  static String language() {
    return app.premia.platform.graphql.RequestLanguage.current();
  }

  final CompensationCaller caller;
  final Connection connection;
  final Clock clock;
  final SchemeStore store;
  private final List<KpiDescriptor> catalogue;
  private ZoneId zone;
  private Set<UUID> assignedSchemes;

  CompensationRequest(
      CompensationCaller caller,
      Connection connection,
      Clock clock,
      List<KpiDescriptor> catalogue) {
    this.connection = connection;
    this.clock = clock;
    this.catalogue = catalogue;
    this.store = new SchemeStore(connection, caller.tenant().tenantId());
    this.caller = linked(caller, store);
  }

  private static CompensationCaller linked(CompensationCaller caller, SchemeStore store) {
    if (caller.employeeId() != null || caller.email() == null || caller.seesAll()) {
      return caller;
    }
    try {
      Long employee = store.activeEmployeeByEmail(caller.email());
      return employee == null ? caller : caller.linkedTo(employee);
    } catch (SQLException e) {
      throw new IllegalStateException("linking the caller to a portal user failed", e);
    }
  }

  UUID tenantId() {
    return caller.tenant().tenantId();
  }

  ZoneId zone() throws SQLException {
    if (zone == null) {
      zone = store.zone();
    }
    return zone;
  }

  LocalDate today() throws SQLException {
    return LocalDate.now(clock.withZone(zone()));
  }

  /** Whether the caller may see this scheme: all for those who see all, else his own schemes. */
  boolean maySeeScheme(UUID schemeId) throws SQLException {
    if (caller.seesAll()) {
      return true;
    }
    if (assignedSchemes == null) {
      assignedSchemes =
          caller.employeeId() == null
              ? Set.of()
              : store.assignmentsOf(caller.employeeId()).stream()
                  .map(AssignmentView::schemeId)
                  .collect(Collectors.toSet());
    }
    return assignedSchemes.contains(schemeId);
  }

  SchemeValidator validator() {
    return new SchemeValidator(catalogue);
  }

  Schemes schemes() {
    return new Schemes(
        store,
        validator(),
        Audit.jdbc(connection, null, caller.tenant().userId(), clock),
        clock,
        caller.tenant().userId(),
        language());
  }

  /**
   * The request's compensation state, created on first use (shared by the compensation schemas).
   */
  static CompensationRequest of(
      graphql.schema.DataFetchingEnvironment env,
      app.premia.tenancy.api.TenantAccess access,
      jakarta.persistence.EntityManager em,
      Clock clock,
      app.premia.kpi.api.KpiFeed feed) {
    return env.getGraphQlContext()
        .computeIfAbsent(
            CompensationRequest.class,
            k ->
                new CompensationRequest(
                    access.compensationCaller(),
                    em.unwrap(Connection.class),
                    clock,
                    feed.catalogue()));
  }

  /**
   * A state derived from this one for the request (payouts, regulations), created on first use.
   * Never a {@code computeIfAbsent} nested in another: the context is a ConcurrentHashMap, which
   * throws "Recursive update" when both keys happen to share a bin (it depends on identity hashes,
   * so it failed now and then).
   */
  static <T> T derived(
      graphql.schema.DataFetchingEnvironment env,
      Class<T> key,
      java.util.function.Supplier<T> create) {
    graphql.GraphQLContext context = env.getGraphQlContext();
    T existing = context.get(key);
    if (existing == null) {
      existing = create.get();
      context.put(key, existing);
    }
    return existing;
  }

  /** The regulations' use cases for the caller's tenant. */
  app.premia.compensation.application.Regulations regulations() {
    return new app.premia.compensation.application.Regulations(
        new app.premia.compensation.application.RegulationsStore(connection, tenantId()),
        store,
        catalogue,
        Audit.jdbc(connection, null, caller.tenant().userId(), clock),
        clock,
        caller.tenant().userId(),
        language());
  }

  static Library library(
      LibraryCaller caller, Connection connection, Clock clock, List<KpiDescriptor> catalogue) {
    return new Library(
        new LibraryStore(connection, caller.consultancyId(), caller.userId()),
        new SchemeValidator(catalogue),
        Audit.jdbc(connection, caller.consultancyId(), caller.userId(), clock),
        clock,
        caller.userId(),
        language());
  }
}
