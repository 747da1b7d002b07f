package app.premia.tenancy.interfaces.graphql;

import app.premia.platform.graphql.RequestContext;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.application.ClientCompanies;
import app.premia.tenancy.application.Directory;
import app.premia.tenancy.application.TenantUsers;
import app.premia.tenancy.application.Views.TenantUserPage;
import app.premia.tenancy.application.Views.TenantView;
import app.premia.tenancy.application.Views.UserView;
import app.premia.tenancy.domain.AccessRole;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;

/** Contributes {@code tenancy.graphqls}: the consultancy console and the tenant's users. */
@ApplicationScoped
public class TenancySchema implements SchemaContribution {

  static final String CONSULTANTS_BY_TENANT = "ConsultantsByTenantLoader";

  @Inject ClientCompanies clientCompanies;
  @Inject TenantUsers tenantUsers;
  @Inject Directory directory;

  @Override
  public String sdlResource() {
    return "graphql/tenancy.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type ->
            type.dataFetcher("clientCompanies", env -> clientCompanies.list())
                .dataFetcher("consultants", env -> clientCompanies.consultants())
                .dataFetcher("tenantUsers", this::tenantUsers));
    wiring.type("Tenant", type -> type.dataFetcher("consultants", this::consultantsOf));
    wiring.type(
        "Mutation",
        type ->
            type.dataFetcher("createClientCompany", this::create)
                .dataFetcher("renameClientCompany", this::rename)
                .dataFetcher("assignConsultant", env -> assignment(env, true))
                .dataFetcher("unassignConsultant", env -> assignment(env, false))
                .dataFetcher("inviteUser", this::invite)
                .dataFetcher("changeUserRole", this::changeRole)
                .dataFetcher("deactivateUser", this::deactivate));
  }

  @Override
  public void registerDataLoaders(DataLoaderRegistry registry) {
    MappedBatchLoader<UUID, List<UserView>> load =
        tenantIds -> CompletableFuture.completedFuture(directory.consultantsByTenant(tenantIds));
    registry.register(CONSULTANTS_BY_TENANT, DataLoaderFactory.newMappedDataLoader(load));
  }

  private CompletableFuture<List<UserView>> consultantsOf(DataFetchingEnvironment env) {
    TenantView tenant = env.getSource();
    DataLoader<UUID, List<UserView>> loader = env.getDataLoader(CONSULTANTS_BY_TENANT);
    return loader.load(tenant.id()).thenApply(list -> list == null ? List.of() : list);
  }

  private Map<String, Object> tenantUsers(DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    int offset = decodeCursor(env.getArgument("after"));
    TenantUserPage page = tenantUsers.page(first == null ? 50 : first, offset);
    List<Map<String, Object>> edges = new ArrayList<>();
    for (int i = 0; i < page.users().size(); i++) {
      edges.add(Map.of("cursor", encodeCursor(page.offset() + i + 1), "node", page.users().get(i)));
    }
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    pageInfo.put("hasNextPage", page.hasNextPage());
    pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", page.totalCount());
  }

  private Map<String, Object> create(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return Payloads.of(
        "tenant",
        () ->
            clientCompanies.create(
                (String) input.get("name"),
                (String) input.get("timeZone"),
                (String) input.get("currencyCode"),
                correlationId(env)));
  }

  private Map<String, Object> rename(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return Payloads.of(
        "tenant",
        () ->
            clientCompanies.rename(
                Payloads.id(input.get("tenantId")).orElse(null),
                (String) input.get("name"),
                correlationId(env)));
  }

  private Map<String, Object> assignment(DataFetchingEnvironment env, boolean assign) {
    Map<String, Object> input = env.getArgument("input");
    UUID tenant = Payloads.id(input.get("tenantId")).orElse(null);
    UUID consultant = Payloads.id(input.get("consultantId")).orElse(null);
    return Payloads.of(
        "tenant",
        () ->
            assign
                ? clientCompanies.assign(tenant, consultant, correlationId(env))
                : clientCompanies.unassign(tenant, consultant, correlationId(env)));
  }

  private Map<String, Object> invite(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    Map<String, Object> payload = new LinkedHashMap<>();
    Map<String, Object> result =
        Payloads.of(
            "tenantUser",
            () -> {
              TenantUsers.Invited invited =
                  tenantUsers.invite(
                      (String) input.get("email"),
                      role(input.get("accessRole")),
                      correlationId(env));
              payload.put("invitationLink", invited.invitationLink().orElse(null));
              return invited.tenantUser();
            });
    payload.putIfAbsent("invitationLink", null);
    payload.putAll(result);
    return payload;
  }

  private Map<String, Object> changeRole(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return Payloads.of(
        "tenantUser",
        () ->
            tenantUsers.changeRole(
                Payloads.id(input.get("tenantUserId")).orElse(null),
                role(input.get("accessRole")),
                correlationId(env)));
  }

  private Map<String, Object> deactivate(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return Payloads.of(
        "tenantUser",
        () ->
            tenantUsers.deactivate(
                Payloads.id(input.get("tenantUserId")).orElse(null), correlationId(env)));
  }

  private static AccessRole role(Object value) {
    return value == null ? null : AccessRole.valueOf(value.toString());
  }

  private static String correlationId(DataFetchingEnvironment env) {
    RequestContext request = env.getGraphQlContext().get(RequestContext.class);
    return request.correlationId().value();
  }

  static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a cursor stands for; 0 for none or anything unreadable. */
  static int decodeCursor(String cursor) {
    if (cursor == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return text.startsWith("o:") ? Math.max(0, Integer.parseInt(text.substring(2))) : 0;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
