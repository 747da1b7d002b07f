package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import java.util.List;
import java.util.Objects;

/**
 * One block of a section, in both languages. Renderers number clauses («3.2.») in order within
 * their section; everything else is unnumbered.
 */
public sealed interface DocBlock {

  /** A numbered clause of the document. */
  record Clause(Text text) implements DocBlock {
    public Clause {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A lettered list under the clause before it («а) … б) …»). */
  record Items(List<Text> items) implements DocBlock {
    public Items {
      items = List.copyOf(items);
    }
  }

  /** A formula set apart on its own line («Премия = 5 % × (Объём продаж − 1 000 000,00 ₽)»). */
  record Formula(Text text) implements DocBlock {
    public Formula {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A worked example: its caption, the steps of the arithmetic, the result (amount in figures and,
   * in Russian, in words). The numbers come from the engine at render time (see {@link
   * WorkedExample}).
   */
  record Example(Text caption, List<Text> steps, Text result) implements DocBlock {
    public Example {
      Objects.requireNonNull(caption, "caption");
      steps = List.copyOf(steps);
      Objects.requireNonNull(result, "result");
    }
  }

  /** A tenant-written body in Markdown; {@code en} null when written in Russian only. */
  record Markdown(String ru, String en) implements DocBlock {
    public Markdown {
      Objects.requireNonNull(ru, "ru");
    }

    public String in(String language) {
      return "en".equals(language) && en != null && !en.isBlank() ? en : ru;
    }
  }
}
