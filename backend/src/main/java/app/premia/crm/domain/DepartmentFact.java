package app.premia.crm.domain;

/** A department of the portal's org structure; the root has no parent. */
public record DepartmentFact(long id, String name, Long parentId, Long headUserId, int sort) {}
