package app.premia.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A client company of a consultancy: the unit of isolation. Everything about the company — people,
 * CRM facts, plans, schemes, runs, documents — belongs to exactly one tenant and is invisible from
 * every other. Its id is the {@code tenant_id} of all its rows.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id private UUID id;

  @Column(name = "consultancy_id", nullable = false, updatable = false)
  private UUID consultancyId;

  @Column(nullable = false)
  private String name;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(name = "currency_code", nullable = false)
  private String currencyCode;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Tenant() {}

  public Tenant(
      UUID id,
      UUID consultancyId,
      String name,
      ZoneId timeZone,
      String currencyCode,
      OffsetDateTime createdAt) {
    this.id = id;
    this.consultancyId = consultancyId;
    this.name = name;
    this.timeZone = timeZone.getId();
    this.currencyCode = currencyCode;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public UUID consultancyId() {
    return consultancyId;
  }

  public String name() {
    return name;
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  public String currencyCode() {
    return currencyCode.strip();
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public void rename(String newName) {
    this.name = newName;
  }

  /** JSON of the audited state. */
  public String toAuditJson() {
    return "{\"name\":"
        + Json.quote(name)
        + ",\"timeZone\":"
        + Json.quote(timeZone)
        + ",\"currencyCode\":"
        + Json.quote(currencyCode())
        + "}";
  }
}
