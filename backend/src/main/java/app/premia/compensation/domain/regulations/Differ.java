package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import app.premia.compensation.domain.regulations.RegulationsDiff.Change;
import app.premia.compensation.domain.regulations.RegulationsDiff.Kind;
import app.premia.compensation.domain.regulations.RegulationsDiff.Segment;
import app.premia.compensation.domain.regulations.RegulationsDiff.SegmentKind;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The work of {@link RegulationsDiff#between}: sections by key, paragraphs, then words. */
final class Differ {

  /** A paragraph as printed and as compared (own number and date masked). */
  private record Para(String text, String compared) {}

  /** Words and the runs of ASCII whitespace between them (a no-break space stays in its word). */
  private static final Pattern TOKEN = Pattern.compile("[ \\t\\n\\r\\f]+|[^ \\t\\n\\r\\f]+");

  /** The least share of common words for a removed and an added paragraph to be one changed. */
  private static final double SIMILAR = 0.4;

  private final RegulationsDocument older;
  private final RegulationsDocument newer;
  private final String lang;
  private final List<Change> out = new ArrayList<>();

  Differ(RegulationsDocument older, RegulationsDocument newer, String lang) {
    this.older = older;
    this.newer = newer;
    this.lang = lang;
  }

  List<Change> changes() {
    Map<String, DocSection> before = new HashMap<>();
    Map<String, Integer> beforeIndex = new HashMap<>();
    for (int i = 0; i < older.sections().size(); i++) {
      DocSection s = older.sections().get(i);
      before.put(s.key(), s);
      beforeIndex.put(s.key(), i);
    }
    Set<String> after = new HashSet<>();
    newer.sections().forEach(s -> after.add(s.key()));
    int removedUpTo = 0;
    for (DocSection s : newer.sections()) {
      Integer at = beforeIndex.get(s.key());
      if (at != null) {
        removedUpTo = removedBefore(at, after, removedUpTo);
        section(before.get(s.key()), s);
      } else {
        for (Para p : paragraphs(s, newer)) {
          out.add(added(s, p));
        }
      }
    }
    removedBefore(older.sections().size(), after, removedUpTo);
    return out;
  }

  /** Lists the older sections gone from the newer version that stood before index {@code to}. */
  private int removedBefore(int to, Set<String> after, int from) {
    for (int i = from; i < to; i++) {
      DocSection s = older.sections().get(i);
      if (!after.contains(s.key())) {
        for (Para p : paragraphs(s, older)) {
          out.add(
              new Change(
                  Kind.REMOVED,
                  s.key(),
                  s.title(),
                  p.text(),
                  null,
                  List.of(new Segment(p.text(), SegmentKind.REMOVED))));
        }
      }
    }
    return Math.max(from, to);
  }

  private Change added(DocSection s, Para p) {
    return new Change(
        Kind.ADDED,
        s.key(),
        s.title(),
        null,
        p.text(),
        List.of(new Segment(p.text(), SegmentKind.ADDED)));
  }

  private Change removed(DocSection was, DocSection s, Para p) {
    return new Change(
        Kind.REMOVED,
        s.key(),
        s.title(),
        p.text(),
        null,
        List.of(new Segment(p.text(), SegmentKind.REMOVED)));
  }

  private void section(DocSection was, DocSection now) {
    List<Para> a = paragraphs(was, older);
    List<Para> b = paragraphs(now, newer);
    List<AbstractDelta<Para>> deltas =
        DiffUtils.diff(a, b, (x, y) -> x.compared().equals(y.compared())).getDeltas();
    for (AbstractDelta<Para> d : deltas) {
      List<Para> from = d.getSource().getLines();
      List<Para> to = d.getTarget().getLines();
      pairUp(was, now, from, to);
    }
  }

  /** Pairs a changed run's paragraphs by similarity, in order; the rest are removed or added. */
  private void pairUp(DocSection was, DocSection now, List<Para> from, List<Para> to) {
    int j0 = 0;
    int i0 = 0;
    for (int i = 0; i < from.size(); i++) {
      int best = -1;
      double bestScore = SIMILAR;
      for (int j = j0; j < to.size(); j++) {
        double score = similarity(from.get(i).text(), to.get(j).text());
        if (score >= bestScore && (best < 0 || score > bestScore)) {
          best = j;
          bestScore = score;
        }
      }
      if (best < 0) {
        continue;
      }
      for (int k = i0; k < i; k++) {
        out.add(removed(was, now, from.get(k)));
      }
      for (int k = j0; k < best; k++) {
        out.add(added(now, to.get(k)));
      }
      String x = from.get(i).text();
      String y = to.get(best).text();
      out.add(new Change(Kind.CHANGED, now.key(), now.title(), x, y, words(x, y)));
      i0 = i + 1;
      j0 = best + 1;
    }
    for (int k = i0; k < from.size(); k++) {
      out.add(removed(was, now, from.get(k)));
    }
    for (int k = j0; k < to.size(); k++) {
      out.add(added(now, to.get(k)));
    }
  }

  /** The share of words two paragraphs have in common (2 × common ÷ all). */
  private static double similarity(String x, String y) {
    List<String> a = words(x);
    List<String> b = words(y);
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = a.size();
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      common -= d.getSource().size();
    }
    return 2.0 * common / (a.size() + b.size());
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String t : tokens(s)) {
      if (!t.isBlank()) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Word-level segments of a changed paragraph: SAME, REMOVED, ADDED in reading order. */
  static List<Segment> words(String x, String y) {
    List<String> a = tokens(x);
    List<String> b = tokens(y);
    List<Segment> raw = new ArrayList<>();
    int i = 0;
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      int at = d.getSource().getPosition();
      if (i < at) {
        raw.add(new Segment(String.join("", a.subList(i, at)), SegmentKind.SAME));
      }
      if (!d.getSource().getLines().isEmpty()) {
        raw.add(new Segment(String.join("", d.getSource().getLines()), SegmentKind.REMOVED));
      }
      if (!d.getTarget().getLines().isEmpty()) {
        raw.add(new Segment(String.join("", d.getTarget().getLines()), SegmentKind.ADDED));
      }
      i = at + d.getSource().size();
    }
    if (i < a.size()) {
      raw.add(new Segment(String.join("", a.subList(i, a.size())), SegmentKind.SAME));
    }
    return clusters(raw);
  }

  /**
   * Joins changes separated only by whitespace into one REMOVED and one ADDED run («шестьдесят две»
   * → «семьдесят пять», not word by word).
   */
  private static List<Segment> clusters(List<Segment> raw) {
    List<Segment> out = new ArrayList<>();
    int k = 0;
    while (k < raw.size()) {
      Segment s = raw.get(k);
      if (s.kind() == SegmentKind.SAME) {
        out.add(s);
        k++;
        continue;
      }
      StringBuilder removed = new StringBuilder();
      StringBuilder added = new StringBuilder();
      int end = k;
      int j = k;
      while (j < raw.size()) {
        Segment c = raw.get(j);
        boolean gap =
            c.kind() == SegmentKind.SAME
                && c.text().isBlank()
                && j + 1 < raw.size()
                && raw.get(j + 1).kind() != SegmentKind.SAME;
        if (c.kind() != SegmentKind.SAME) {
          end = j;
        } else if (!gap) {
          break;
        }
        j++;
      }
      for (int m = k; m <= end; m++) {
        Segment c = raw.get(m);
        if (c.kind() != SegmentKind.ADDED) {
          removed.append(c.text());
        }
        if (c.kind() != SegmentKind.REMOVED) {
          added.append(c.text());
        }
      }
      String lead = commonLeadingSpace(removed, added);
      String trail = commonTrailingSpace(removed, added);
      if (!lead.isEmpty()) {
        out.add(new Segment(lead, SegmentKind.SAME));
      }
      if (!removed.isEmpty()) {
        out.add(new Segment(removed.toString(), SegmentKind.REMOVED));
      }
      if (!added.isEmpty()) {
        out.add(new Segment(added.toString(), SegmentKind.ADDED));
      }
      if (!trail.isEmpty()) {
        out.add(new Segment(trail, SegmentKind.SAME));
      }
      k = end + 1;
    }
    return merge(out);
  }

  /** Cuts the whitespace both runs start with (it is the same on both sides). */
  private static String commonLeadingSpace(StringBuilder a, StringBuilder b) {
    int n = 0;
    while (n < a.length()
        && n < b.length()
        && a.charAt(n) == b.charAt(n)
        && " \t\n\r\f".indexOf(a.charAt(n)) >= 0) {
      n++;
    }
    if (n == 0 || n == a.length() || n == b.length()) {
      return "";
    }
    String lead = a.substring(0, n);
    a.delete(0, n);
    b.delete(0, n);
    return lead;
  }

  /** Cuts the whitespace both runs end with. */
  private static String commonTrailingSpace(StringBuilder a, StringBuilder b) {
    int n = 0;
    while (n < a.length()
        && n < b.length()
        && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)
        && " \t\n\r\f".indexOf(a.charAt(a.length() - 1 - n)) >= 0) {
      n++;
    }
    if (n == 0 || n == a.length() || n == b.length()) {
      return "";
    }
    String trail = a.substring(a.length() - n);
    a.setLength(a.length() - n);
    b.setLength(b.length() - n);
    return trail;
  }

  private static List<Segment> merge(List<Segment> in) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : in) {
      if (!out.isEmpty() && out.get(out.size() - 1).kind() == s.kind()) {
        Segment last = out.remove(out.size() - 1);
        out.add(new Segment(last.text() + s.text(), s.kind()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** A section's paragraphs in the language, with the document's own number and date masked. */
  private List<Para> paragraphs(DocSection s, RegulationsDocument doc) {
    List<String> texts = new ArrayList<>();
    texts.add(s.title().in(lang));
    for (DocBlock b : s.blocks()) {
      texts.addAll(b.texts(lang));
    }
    Text date = Words.date(doc.effectiveFrom());
    Pattern number =
        Pattern.compile(
            Pattern.quote(("en".equals(lang) ? "No. " : "№ ") + doc.number()) + "(?!\\d)");
    List<Para> out = new ArrayList<>();
    for (String t : texts) {
      String masked = t.replace(date.in(lang), "\u0000date\u0000");
      masked = number.matcher(masked).replaceAll("\u0000number\u0000");
      out.add(new Para(t, masked));
    }
    return out;
  }
}
