package app.premia.crm.application;

import app.premia.crm.domain.ActivityFact;
import app.premia.crm.domain.CompanyFact;
import app.premia.crm.domain.ContactFact;
import app.premia.crm.domain.CurrencyFact;
import app.premia.crm.domain.DealFact;
import app.premia.crm.domain.DepartmentFact;
import app.premia.crm.domain.LeadFact;
import app.premia.crm.domain.PipelineFact;
import app.premia.crm.domain.PortalUserFact;
import app.premia.crm.domain.RejectedRow;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.StageHistoryFact;
import app.premia.crm.domain.StageSemantic;
import app.premia.crm.domain.SyncEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes translated facts into the tenant's tables with JDBC batches, on the connection of the
 * current transaction (whose tenant settings row-level security checks). Upserts keep the latest
 * state: a row is only overwritten by one modified at the same time or later, so duplicated and
 * reordered deliveries change nothing.
 */
final class CrmFactsWriter {

  private CrmFactsWriter() {}

  static String table(SyncEntity entity) {
    return switch (entity) {
      case CURRENCY -> "crm_currency";
      case PIPELINE -> "crm_pipeline";
      case STAGE -> "crm_stage";
      case DEPARTMENT -> "crm_department";
      case EMPLOYEE -> "crm_employee";
      case COMPANY -> "crm_company";
      case CONTACT -> "crm_contact";
      case LEAD -> "crm_lead";
      case DEAL -> "crm_deal";
      case ACTIVITY -> "crm_activity";
      case DEAL_STAGE_HISTORY, LEAD_STAGE_HISTORY -> "crm_stage_history";
    };
  }

  /** Extra condition selecting the entity's rows in a shared table. */
  private static String scope(SyncEntity entity) {
    return switch (entity) {
      case DEAL_STAGE_HISTORY -> " AND entity_type_id = 2";
      case LEAD_STAGE_HISTORY -> " AND entity_type_id = 1";
      default -> "";
    };
  }

  static int upsert(
      Connection c, UUID tenant, SyncEntity entity, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    if (facts.isEmpty()) {
      return 0;
    }
    return switch (entity) {
      case DEAL -> deals(c, tenant, facts, now);
      case LEAD -> leads(c, tenant, facts, now);
      case CONTACT -> contacts(c, tenant, facts, now);
      case COMPANY -> companies(c, tenant, facts, now);
      case ACTIVITY -> activities(c, tenant, facts, now);
      case DEAL_STAGE_HISTORY, LEAD_STAGE_HISTORY -> history(c, tenant, facts, now);
      case EMPLOYEE -> employees(c, tenant, facts, now);
      case DEPARTMENT -> departments(c, tenant, facts, now);
      case PIPELINE -> pipelines(c, tenant, facts, now);
      case STAGE -> stages(c, tenant, facts, now);
      case CURRENCY -> currencies(c, tenant, facts, now);
    };
  }

  private static int deals(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_deal (tenant_id, id, title, category_id, stage_id, stage_semantic, closed,"
            + " amount, currency, assigned_by_id, company_id, contact_id, lead_id, return_customer,"
            + " repeated_approach, source_id, type_id, begin_date, close_date, created_at,"
            + " modified_at, moved_at, nps, synced_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title,"
            + " category_id = excluded.category_id, stage_id = excluded.stage_id,"
            + " stage_semantic = excluded.stage_semantic, closed = excluded.closed,"
            + " amount = excluded.amount, currency = excluded.currency,"
            + " assigned_by_id = excluded.assigned_by_id, company_id = excluded.company_id,"
            + " contact_id = excluded.contact_id, lead_id = excluded.lead_id,"
            + " return_customer = excluded.return_customer,"
            + " repeated_approach = excluded.repeated_approach, source_id = excluded.source_id,"
            + " type_id = excluded.type_id, begin_date = excluded.begin_date,"
            + " close_date = excluded.close_date, created_at = excluded.created_at,"
            + " modified_at = excluded.modified_at, moved_at = excluded.moved_at,"
            + " nps = excluded.nps, synced_at = excluded.synced_at"
            + " WHERE crm_deal.modified_at <= excluded.modified_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        DealFact d = (DealFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setLong(i++, d.id());
        s.setString(i++, d.title());
        s.setInt(i++, d.categoryId());
        s.setString(i++, d.stageId());
        s.setString(i++, semantic(d.semantic()));
        s.setBoolean(i++, d.closed());
        s.setBigDecimal(i++, d.amount());
        s.setString(i++, d.currency());
        setLong(s, i++, d.assignedById());
        setLong(s, i++, d.companyId());
        setLong(s, i++, d.contactId());
        setLong(s, i++, d.leadId());
        s.setBoolean(i++, d.returnCustomer());
        s.setBoolean(i++, d.repeatedApproach());
        s.setString(i++, d.sourceId());
        s.setString(i++, d.typeId());
        setDate(s, i++, d.beginDate());
        setDate(s, i++, d.closeDate());
        s.setObject(i++, d.createdAt());
        s.setObject(i++, d.modifiedAt());
        setTime(s, i++, d.movedAt());
        if (d.nps() == null) {
          s.setNull(i++, Types.SMALLINT);
        } else {
          s.setShort(i++, d.nps().shortValue());
        }
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int leads(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_lead (tenant_id, id, title, status_id, status_semantic, assigned_by_id,"
            + " company_id, contact_id, source_id, amount, currency, return_customer, created_at,"
            + " modified_at, closed_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title,"
            + " status_id = excluded.status_id, status_semantic = excluded.status_semantic,"
            + " assigned_by_id = excluded.assigned_by_id, company_id = excluded.company_id,"
            + " contact_id = excluded.contact_id, source_id = excluded.source_id,"
            + " amount = excluded.amount, currency = excluded.currency,"
            + " return_customer = excluded.return_customer, created_at = excluded.created_at,"
            + " modified_at = excluded.modified_at, closed_at = excluded.closed_at,"
            + " synced_at = excluded.synced_at WHERE crm_lead.modified_at <= excluded.modified_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        LeadFact l = (LeadFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setLong(i++, l.id());
        s.setString(i++, l.title());
        s.setString(i++, l.statusId());
        s.setString(i++, semantic(l.semantic()));
        setLong(s, i++, l.assignedById());
        setLong(s, i++, l.companyId());
        setLong(s, i++, l.contactId());
        s.setString(i++, l.sourceId());
        s.setBigDecimal(i++, l.amount());
        s.setString(i++, l.currency());
        s.setBoolean(i++, l.returnCustomer());
        s.setObject(i++, l.createdAt());
        s.setObject(i++, l.modifiedAt());
        setTime(s, i++, l.closedAt());
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int contacts(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_contact (tenant_id, id, full_name, company_id, assigned_by_id, lead_id,"
            + " created_at, modified_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET full_name = excluded.full_name,"
            + " company_id = excluded.company_id, assigned_by_id = excluded.assigned_by_id,"
            + " lead_id = excluded.lead_id, created_at = excluded.created_at,"
            + " modified_at = excluded.modified_at, synced_at = excluded.synced_at"
            + " WHERE crm_contact.modified_at <= excluded.modified_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        ContactFact f = (ContactFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setLong(i++, f.id());
        s.setString(i++, f.fullName());
        setLong(s, i++, f.companyId());
        setLong(s, i++, f.assignedById());
        setLong(s, i++, f.leadId());
        s.setObject(i++, f.createdAt());
        s.setObject(i++, f.modifiedAt());
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int companies(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_company (tenant_id, id, title, assigned_by_id, lead_id, my_company,"
            + " created_at, modified_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title,"
            + " assigned_by_id = excluded.assigned_by_id, lead_id = excluded.lead_id,"
            + " my_company = excluded.my_company, created_at = excluded.created_at,"
            + " modified_at = excluded.modified_at, synced_at = excluded.synced_at"
            + " WHERE crm_company.modified_at <= excluded.modified_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        CompanyFact f = (CompanyFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setLong(i++, f.id());
        s.setString(i++, f.title());
        setLong(s, i++, f.assignedById());
        setLong(s, i++, f.leadId());
        s.setBoolean(i++, f.myCompany());
        s.setObject(i++, f.createdAt());
        s.setObject(i++, f.modifiedAt());
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int activities(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_activity (tenant_id, id, type_id, provider_id, provider_type_id,"
            + " direction, completed, responsible_id, owner_type_id, owner_id, subject, start_time,"
            + " end_time, created_at, modified_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET type_id = excluded.type_id,"
            + " provider_id = excluded.provider_id, provider_type_id = excluded.provider_type_id,"
            + " direction = excluded.direction, completed = excluded.completed,"
            + " responsible_id = excluded.responsible_id, owner_type_id = excluded.owner_type_id,"
            + " owner_id = excluded.owner_id, subject = excluded.subject,"
            + " start_time = excluded.start_time, end_time = excluded.end_time,"
            + " created_at = excluded.created_at, modified_at = excluded.modified_at,"
            + " synced_at = excluded.synced_at"
            + " WHERE crm_activity.modified_at <= excluded.modified_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        ActivityFact f = (ActivityFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setLong(i++, f.id());
        s.setInt(i++, f.typeId());
        s.setString(i++, f.providerId());
        s.setString(i++, f.providerTypeId());
        s.setInt(i++, f.direction());
        s.setBoolean(i++, f.completed());
        setLong(s, i++, f.responsibleId());
        s.setInt(i++, f.ownerTypeId());
        setLong(s, i++, f.ownerId());
        s.setString(i++, f.subject());
        setTime(s, i++, f.startTime());
        setTime(s, i++, f.endTime());
        s.setObject(i++, f.createdAt());
        s.setObject(i++, f.updatedAt());
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int history(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    // append-only upstream: a row once written never changes
    String sql =
        "INSERT INTO crm_stage_history (tenant_id, entity_type_id, id, type_id, owner_id,"
            + " category_id, stage_id, stage_semantic, created_at, synced_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id, entity_type_id, id) DO NOTHING";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        StageHistoryFact f = (StageHistoryFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setShort(i++, (short) f.entityTypeId());
        s.setLong(i++, f.id());
        s.setShort(i++, (short) f.typeId());
        s.setLong(i++, f.ownerId());
        if (f.categoryId() == null) {
          s.setNull(i++, Types.INTEGER);
        } else {
          s.setInt(i++, f.categoryId());
        }
        s.setString(i++, f.stageId());
        s.setString(i++, semantic(f.semantic()));
        s.setObject(i++, f.createdAt());
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int employees(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    // Bitrix24 keeps no dismissal date: the day the sync first sees ACTIVE=false is recorded, and
    // cleared when the employee comes back.
    String sql =
        "INSERT INTO crm_employee (tenant_id, id, active, first_name, last_name, second_name,"
            + " email, position, department_ids, hired_on, fired_on, user_type, synced_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (tenant_id, id) DO UPDATE SET active = excluded.active,"
            + " first_name = excluded.first_name, last_name = excluded.last_name,"
            + " second_name = excluded.second_name, email = excluded.email,"
            + " position = excluded.position, department_ids = excluded.department_ids,"
            + " hired_on = excluded.hired_on,"
            + " fired_on = CASE WHEN excluded.active THEN NULL"
            + " WHEN crm_employee.active THEN excluded.fired_on ELSE crm_employee.fired_on END,"
            + " user_type = excluded.user_type, synced_at = excluded.synced_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        PortalUserFact f = (PortalUserFact) o;
        int i = 1;
        s.setObject(i++, tenant);
        s.setLong(i++, f.id());
        s.setBoolean(i++, f.active());
        s.setString(i++, f.firstName());
        s.setString(i++, f.lastName());
        s.setString(i++, f.secondName());
        s.setString(i++, f.email());
        s.setString(i++, f.position());
        s.setArray(i++, c.createArrayOf("bigint", f.departmentIds().toArray(new Long[0])));
        setDate(s, i++, f.hiredOn());
        // first sight of an inactive user: the dismissal date is unknown
        setDate(s, i++, f.active() ? null : now.toLocalDate());
        s.setString(i++, f.userType());
        s.setObject(i, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int departments(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_department (tenant_id, id, name, parent_id, head_user_id, sort, synced_at)"
            + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (tenant_id, id) DO UPDATE SET"
            + " name = excluded.name, parent_id = excluded.parent_id,"
            + " head_user_id = excluded.head_user_id, sort = excluded.sort,"
            + " synced_at = excluded.synced_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        DepartmentFact f = (DepartmentFact) o;
        s.setObject(1, tenant);
        s.setLong(2, f.id());
        s.setString(3, f.name());
        setLong(s, 4, f.parentId());
        setLong(s, 5, f.headUserId());
        s.setInt(6, f.sort());
        s.setObject(7, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int pipelines(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_pipeline (tenant_id, id, name, sort, is_default, synced_at)"
            + " VALUES (?,?,?,?,?,?) ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name,"
            + " sort = excluded.sort, is_default = excluded.is_default,"
            + " synced_at = excluded.synced_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        PipelineFact f = (PipelineFact) o;
        s.setObject(1, tenant);
        s.setInt(2, f.id());
        s.setString(3, f.name());
        s.setInt(4, f.sort());
        s.setBoolean(5, f.isDefault());
        s.setObject(6, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int stages(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_stage (tenant_id, entity_id, status_id, name, sort, semantic, category_id,"
            + " synced_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (tenant_id, entity_id, status_id)"
            + " DO UPDATE SET name = excluded.name, sort = excluded.sort,"
            + " semantic = excluded.semantic, category_id = excluded.category_id,"
            + " synced_at = excluded.synced_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        StageFact f = (StageFact) o;
        s.setObject(1, tenant);
        s.setString(2, f.entityId());
        s.setString(3, f.statusId());
        s.setString(4, f.name());
        s.setInt(5, f.sort());
        s.setString(6, semantic(f.semantic()));
        if (f.categoryId() == null) {
          s.setNull(7, Types.INTEGER);
        } else {
          s.setInt(7, f.categoryId());
        }
        s.setObject(8, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  private static int currencies(Connection c, UUID tenant, List<Object> facts, OffsetDateTime now)
      throws SQLException {
    String sql =
        "INSERT INTO crm_currency (tenant_id, code, nominal, rate, is_base, synced_at)"
            + " VALUES (?,?,?,?,?,?) ON CONFLICT (tenant_id, code) DO UPDATE SET"
            + " nominal = excluded.nominal, rate = excluded.rate, is_base = excluded.is_base,"
            + " synced_at = excluded.synced_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object o : facts) {
        CurrencyFact f = (CurrencyFact) o;
        s.setObject(1, tenant);
        s.setString(2, f.code());
        s.setInt(3, f.nominal());
        s.setBigDecimal(4, f.rate());
        s.setBoolean(5, f.base());
        s.setObject(6, now);
        s.addBatch();
      }
      return sum(s.executeBatch());
    }
  }

  /** Removes dictionary rows the portal no longer has (after a whole dictionary was written). */
  static int deleteNotSyncedSince(
      Connection c, UUID tenant, SyncEntity entity, OffsetDateTime syncStarted)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM "
                + table(entity)
                + " WHERE tenant_id = ? AND synced_at < ?"
                + scope(entity))) {
      s.setObject(1, tenant);
      s.setObject(2, syncStarted);
      return s.executeUpdate();
    }
  }

  static int delete(Connection c, UUID tenant, SyncEntity entity, Collection<Long> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM "
                + table(entity)
                + " WHERE tenant_id = ? AND id = ANY (?)"
                + scope(entity))) {
      s.setObject(1, tenant);
      s.setArray(2, c.createArrayOf("bigint", ids.toArray(new Long[0])));
      return s.executeUpdate();
    }
  }

  /** Deletes local rows whose id the portal no longer lists; returns how many. */
  static int deleteMissing(Connection c, UUID tenant, SyncEntity entity, long[] portalIds)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM "
                + table(entity)
                + " t WHERE tenant_id = ?"
                + scope(entity)
                + " AND NOT EXISTS (SELECT 1 FROM unnest(?::bigint[]) p(id) WHERE p.id = t.id)")) {
      s.setObject(1, tenant);
      s.setArray(2, c.createArrayOf("bigint", boxed(portalIds)));
      return s.executeUpdate();
    }
  }

  /** Ids the portal lists that are missing locally. */
  static List<Long> missing(Connection c, UUID tenant, SyncEntity entity, long[] portalIds)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT p.id FROM unnest(?::bigint[]) p(id) WHERE NOT EXISTS (SELECT 1 FROM "
                + table(entity)
                + " t WHERE t.tenant_id = ?"
                + scope(entity).replace("entity_type_id", "t.entity_type_id")
                + " AND t.id = p.id)")) {
      s.setArray(1, c.createArrayOf("bigint", boxed(portalIds)));
      s.setObject(2, tenant);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /** The highest id stored (the append-only cursor of stage history). */
  static long maxId(Connection c, UUID tenant, SyncEntity entity) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT coalesce(max(id), 0) FROM "
                + table(entity)
                + " WHERE tenant_id = ?"
                + scope(entity))) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void quarantine(Connection c, UUID tenant, List<RejectedRow> rows, OffsetDateTime now)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String sql =
        "INSERT INTO crm_quarantine (tenant_id, entity, raw_id, reason, raw_excerpt,"
            + " first_seen_at, last_seen_at, occurrences) VALUES (?,?,?,?,?,?,?,1)"
            + " ON CONFLICT (tenant_id, entity, raw_id) DO UPDATE SET reason = excluded.reason,"
            + " raw_excerpt = excluded.raw_excerpt, last_seen_at = excluded.last_seen_at,"
            + " occurrences = crm_quarantine.occurrences + 1";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (RejectedRow r : rows) {
        s.setObject(1, tenant);
        s.setString(2, r.entity().name());
        s.setString(3, r.rawId());
        s.setString(4, r.reason());
        s.setString(5, r.rawExcerpt());
        s.setObject(6, now);
        s.setObject(7, now);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static Long[] boxed(long[] ids) {
    Long[] boxed = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      boxed[i] = ids[i];
    }
    return boxed;
  }

  private static String semantic(StageSemantic semantic) {
    return semantic.code();
  }

  private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, value);
    }
  }

  private static void setDate(PreparedStatement s, int i, LocalDate value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.DATE);
    } else {
      s.setObject(i, value);
    }
  }

  private static void setTime(PreparedStatement s, int i, OffsetDateTime value)
      throws SQLException {
    if (value == null) {
      s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(i, value);
    }
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int n : counts) {
      total += n < 0 ? 1 : n;
    }
    return total;
  }
}
