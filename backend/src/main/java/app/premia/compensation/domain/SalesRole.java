package app.premia.compensation.domain;

/**
 * The compensation role a scheme is written for (not an access role). The four of the seed's table,
 * and CUSTOM for anything else (the seed's scheme patterns, a company's own roles).
 */
public enum SalesRole {
  ACQUISITION("Менеджер по привлечению новых клиентов", "Acquisition manager"),
  ACCOUNT("Менеджер по работе с существующими клиентами", "Account manager"),
  VIP("Менеджер по работе с VIP-клиентами", "VIP manager"),
  HEAD_OF_SALES("Руководитель отдела продаж", "Head of sales"),
  CUSTOM("Другая роль", "Other role");

  private final String nameRu;
  private final String nameEn;

  SalesRole(String nameRu, String nameEn) {
    this.nameRu = nameRu;
    this.nameEn = nameEn;
  }

  public String nameRu() {
    return nameRu;
  }

  public String nameEn() {
    return nameEn;
  }
}
