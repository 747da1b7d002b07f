package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.ContactFact;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code crm.contact.list} rows into {@link ContactFact}s; the full name is last, first and second
 * name in that order (the Russian "ФИО" order). Required: {@code ID}, {@code DATE_MODIFY}.
 */
public final class ContactTranslator extends RowTranslator<ContactFact> {

  public ContactTranslator() {
    super("contact", "ID");
  }

  @Override
  ContactFact read(RawRow r, List<String> warnings) {
    long id = r.id("ID");
    String fullName =
        Stream.of(r.text("LAST_NAME"), r.text("NAME"), r.text("SECOND_NAME"))
            .filter(Objects::nonNull)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.joining(" "));
    return new ContactFact(
        id,
        fullName,
        r.reference("COMPANY_ID"),
        r.reference("ASSIGNED_BY_ID"),
        r.reference("LEAD_ID"),
        r.dateTime("DATE_CREATE"),
        r.requiredDateTime("DATE_MODIFY"));
  }
}
