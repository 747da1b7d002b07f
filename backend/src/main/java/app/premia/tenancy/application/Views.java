package app.premia.tenancy.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the tenancy use cases hand to interfaces: plain read models named after the GraphQL types
 * (graphql-java reads record components as fields). No entity leaves the application layer.
 */
public final class Views {

  private Views() {}

  /** GraphQL {@code User}. */
  public record UserView(UUID id, String email, String displayName, String locale) {}

  /** GraphQL {@code Consultancy}. */
  public record ConsultancyView(UUID id, String name) {}

  /** GraphQL {@code Tenant}; {@code consultants} is resolved by a loader. */
  public record TenantView(
      UUID id,
      UUID consultancyId,
      String name,
      String timeZone,
      String currencyCode,
      OffsetDateTime createdAt) {}

  /** GraphQL {@code TenantUser}. */
  public record TenantUserView(
      UUID id,
      UserView user,
      String accessRole,
      String status,
      String employeeRef,
      OffsetDateTime invitedAt,
      OffsetDateTime joinedAt) {}

  /** GraphQL {@code Viewer}. */
  public record ViewerView(
      UserView user,
      ConsultancyView consultancy,
      List<TenantView> tenants,
      TenantView activeTenant,
      String accessRole,
      List<String> permissions) {}

  /** One page of tenant users. */
  public record TenantUserPage(
      List<TenantUserView> users, int offset, boolean hasNextPage, int totalCount) {}
}
