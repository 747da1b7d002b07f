package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One version of the regulations as generated: title, company block, numbered sections in both
 * languages. A published version is stored in this form (without {@code examples}, which only say
 * how the printed numbers were computed) and never regenerated.
 *
 * @param title «Положение о премировании работников отдела продаж» / its English title
 * @param number the version's number
 * @param effectiveFrom the day it comes into force
 * @param examples how each printed worked example was computed; empty for a stored version
 */
public record RegulationsDocument(
    Text title,
    CompanyDetails company,
    int number,
    LocalDate effectiveFrom,
    List<DocSection> sections,
    List<WorkedExample> examples) {

  public RegulationsDocument {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    sections = List.copyOf(sections);
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  /** The same document without the examples' inputs (what is stored). */
  public RegulationsDocument stored() {
    return new RegulationsDocument(title, company, number, effectiveFrom, sections, List.of());
  }
}
