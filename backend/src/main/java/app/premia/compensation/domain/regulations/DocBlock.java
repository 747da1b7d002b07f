package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import java.util.List;
import java.util.Objects;

/**
 * One block of a section, in both languages. Renderers number clauses («3.2.») in order within
 * their section; everything else is unnumbered.
 */
public sealed interface DocBlock {

  /**
   * The block's paragraphs as plain text in the language, unnumbered: a clause, each list item, a
   * formula, an example's caption, steps and result, each paragraph of Markdown (blank-line
   * separated, as written). What the diff compares and plain-text views print.
   */
  List<String> texts(String language);

  /** A numbered clause of the document. */
  record Clause(Text text) implements DocBlock {
    public Clause {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public List<String> texts(String language) {
      return List.of(text.in(language));
    }
  }

  /** A lettered list under the clause before it («а) … б) …»). */
  record Items(List<Text> items) implements DocBlock {
    public Items {
      items = List.copyOf(items);
    }

    @Override
    public List<String> texts(String language) {
      return items.stream().map(t -> t.in(language)).toList();
    }
  }

  /** A formula set apart on its own line («Премия = 5 % × (Объём продаж − 1 000 000,00 ₽)»). */
  record Formula(Text text) implements DocBlock {
    public Formula {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public List<String> texts(String language) {
      return List.of(text.in(language));
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

    @Override
    public List<String> texts(String language) {
      List<String> out = new java.util.ArrayList<>();
      out.add(caption.in(language));
      steps.forEach(t -> out.add(t.in(language)));
      out.add(result.in(language));
      return out;
    }
  }

  /** A tenant-written body in Markdown; {@code en} null when written in Russian only. */
  record Markdown(String ru, String en) implements DocBlock {
    public Markdown {
      Objects.requireNonNull(ru, "ru");
    }

    private static final java.util.regex.Pattern PARAGRAPHS =
        java.util.regex.Pattern.compile("\\n[ \\t]*\\n");

    public String in(String language) {
      return "en".equals(language) && en != null && !en.isBlank() ? en : ru;
    }

    @Override
    public List<String> texts(String language) {
      List<String> out = new java.util.ArrayList<>();
      for (String p : PARAGRAPHS.split(in(language))) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
      return out;
    }
  }
}
