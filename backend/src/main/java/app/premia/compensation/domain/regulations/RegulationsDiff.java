package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two versions of the regulations, in one language: the paragraphs (clauses,
 * list items, formulas, example lines, tenant text) added, removed or changed, paired section by
 * section (sections pair by {@link DocSection#key()}), each changed one with its word-level
 * segments. The title page is not compared (number and date always differ); unchanged paragraphs
 * are not listed.
 *
 * <p>Implemented by the writer's helper (not yet): {@link #between}.
 */
public record RegulationsDiff(String language, List<Change> changes) {

  public RegulationsDiff {
    Objects.requireNonNull(language, "language");
    changes = List.copyOf(changes);
  }

  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  public enum SegmentKind {
    SAME,
    ADDED,
    REMOVED
  }

  /** A run of words that is the same, added or removed. */
  public record Segment(String text, SegmentKind kind) {}

  /**
   * One paragraph's change.
   *
   * @param sectionTitle the section's title in the newer version (the older one's when removed)
   * @param before the paragraph in the older version, null when added
   * @param after the paragraph in the newer version, null when removed
   * @param segments word-level: SAME, REMOVED and ADDED runs in reading order
   */
  public record Change(
      Kind kind,
      String sectionKey,
      Text sectionTitle,
      String before,
      String after,
      List<Segment> segments) {
    public Change {
      segments = List.copyOf(segments);
    }
  }

  /**
   * The changes from {@code older} to {@code newer} in the language ({@code ru} or {@code en}).
   *
   * <p>Sections pair by key, in the newer version's order (a removed section where it stood).
   * Within a section the paragraphs (the title, each clause, list item, formula, example caption,
   * step and result, each paragraph of tenant Markdown) are compared in order; a changed run of
   * paragraphs pairs its old and new paragraphs by word similarity (at least half the words
   * common), the rest are REMOVED or ADDED — a moved paragraph is REMOVED where it was and ADDED
   * where it is. Mentions of each version's own number («№ 2») and effective date are not changes,
   * as the title page is not compared.
   */
  public static RegulationsDiff between(
      RegulationsDocument older, RegulationsDocument newer, String language) {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    String lang = "en".equals(language) ? "en" : "ru";
    return new RegulationsDiff(lang, new Differ(older, newer, lang).changes());
  }
}
