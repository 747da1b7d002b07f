package app.premia.compensation.application;

import app.premia.compensation.domain.Text;
import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.compensation.domain.regulations.DocBlock;
import app.premia.compensation.domain.regulations.DocSection;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the regulations as XHTML: the fragment (a {@code div.premia-regulations} with its own
 * stylesheet) and the whole document around it. Every text of the model is escaped; only the
 * Markdown of tenant sections goes through {@link RegulationsMarkdown}.
 *
 * <p>The markup, in order: the draft mark ({@code .reg-draft}, drafts only); the title page ({@code
 * .reg-title-page}: the approval block {@code .reg-approval}, the company, the title {@code
 * h1.reg-title}, the version and the effective date, the city and the year); then one {@code
 * div.reg-section} per section ({@code data-key} = the section's key) with its {@code
 * h2.reg-section-title} («1. Общие положения») and blocks: {@code p.reg-clause} («1.1. …», clauses
 * numbered in order within their section), {@code ul.reg-items} («а) …», «б) …»; a) b) in English),
 * {@code p.reg-formula}, {@code div.reg-example} (caption, steps, result) and {@code
 * div.reg-markdown}. Numbers and letters are real text (not CSS counters), so the HTML view, the
 * PDF and its extracted text all carry them.
 */
final class RegulationsMarkup {

  /** The class of the fragment's root element; every rule of the stylesheet is scoped to it. */
  static final String ROOT_CLASS = "premia-regulations";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

  /**
   * Letters of Russian lists: the alphabet without ё, з, й, о, ч, ъ, ы, ь (GOST 2.105: they are
   * easily confused with digits or other letters).
   */
  private static final String RU_LETTERS = "абвгдежиклмнпрстуфхцшщэюя";

  private static final String EN_LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private RegulationsMarkup() {}

  /** The words of the document that do not come from the model. */
  record Labels(
      String language,
      String draft,
      String approvedBySignature,
      String approvedByOrder,
      String order,
      String numberSign,
      String of,
      String inn,
      String version,
      String effectiveFrom,
      String page,
      String pageOf,
      String letters) {

    static final Labels RU =
        new Labels(
            "ru",
            "ПРОЕКТ",
            "УТВЕРЖДАЮ",
            "УТВЕРЖДЕНО",
            "Приказ",
            "№",
            "от",
            "ИНН",
            "Редакция №",
            "Вводится в действие с",
            "Страница",
            "из",
            RU_LETTERS);

    static final Labels EN =
        new Labels(
            "en",
            "DRAFT",
            "APPROVED",
            "APPROVED",
            "Order",
            "No.",
            "of",
            "INN",
            "Version No.",
            "Effective from",
            "Page",
            "of",
            EN_LETTERS);

    /** The labels of {@code ru} or {@code en} (case-insensitive); anything else is refused. */
    static Labels of(String language) {
      if (language == null) {
        throw new IllegalArgumentException("language is required (ru or en)");
      }
      return switch (language.toLowerCase(Locale.ROOT)) {
        case "ru" -> RU;
        case "en" -> EN;
        default ->
            throw new IllegalArgumentException("unknown language " + language + " (ru or en)");
      };
    }
  }

  /** The whole XHTML document: the page layout in the head, the fragment as the body. */
  static String document(RegulationsDocument document, Labels labels, boolean draft) {
    StringBuilder out = new StringBuilder(16_384);
    out.append("<!DOCTYPE html>\n");
    out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(labels.language())
        .append("\" xml:lang=\"")
        .append(labels.language())
        .append("\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>");
    escape(out, document.title().in(labels.language()));
    // the PDF's subject (PDF/UA wants one) and author
    out.append("</title>\n<meta name=\"subject\" content=\"");
    escape(out, description(document, labels));
    out.append("\" />\n<meta name=\"author\" content=\"");
    escape(out, document.company().name());
    out.append("\" />");
    // the PDF renderer reads stylesheets from the head only, and would print the fragment's own
    // <style> as text: the head carries the same rules and hides that element (and the banner)
    out.append("\n<style>\n")
        .append(
            RegulationsStylesheet.page(
                labels.page(), labels.pageOf(), draft ? labels.draft() : null))
        .append(RegulationsStylesheet.CONTENT)
        .append(RegulationsStylesheet.WHOLE_DOCUMENT)
        .append("</style>\n</head>\n<body>\n");
    fragment(out, document, labels, draft);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static String description(RegulationsDocument document, Labels labels) {
    return document.title().in(labels.language())
        + ", "
        + document.company().name()
        + ", "
        + labels.version()
        + " "
        + document.number();
  }

  /** The fragment: {@code div.premia-regulations} with its stylesheet and the whole text. */
  static String fragment(RegulationsDocument document, Labels labels, boolean draft) {
    StringBuilder out = new StringBuilder(16_384);
    fragment(out, document, labels, draft);
    return out.toString();
  }

  private static void fragment(
      StringBuilder out, RegulationsDocument document, Labels labels, boolean draft) {
    out.append("<div class=\"")
        .append(ROOT_CLASS)
        .append(draft ? " reg-is-draft" : "")
        .append("\" lang=\"")
        .append(labels.language())
        .append("\">\n<style>\n")
        .append(RegulationsStylesheet.CONTENT)
        .append("</style>\n");
    if (draft) {
      element(out, "div", "reg-draft", labels.draft());
    }
    titlePage(out, document, labels);
    for (DocSection section : document.sections()) {
      section(out, section, labels);
    }
    out.append("</div>\n");
  }

  private static void titlePage(StringBuilder out, RegulationsDocument document, Labels labels) {
    CompanyDetails company = document.company();
    String language = labels.language();
    out.append("<div class=\"reg-title-page\">\n");

    boolean byOrder = given(company.orderNumber()) || company.orderDate() != null;
    out.append("<div class=\"reg-approval\">\n");
    element(
        out,
        "p",
        "reg-approval-head",
        byOrder ? labels.approvedByOrder() : labels.approvedBySignature());
    if (given(company.approverTitle())) {
      element(out, "p", "reg-approver-title", company.approverTitle());
    }
    element(out, "p", "reg-approval-company", company.name());
    if (given(company.approverName())) {
      out.append("<p class=\"reg-approver-name\"><span class=\"reg-sign-line\"></span>");
      escape(out, company.approverName().strip());
      out.append("</p>\n");
    }
    if (byOrder) {
      element(out, "p", "reg-order", order(company, labels));
    }
    out.append("</div>\n");

    out.append("<div class=\"reg-heading\">\n");
    element(out, "p", "reg-company", company.name());
    if (given(company.inn())) {
      element(out, "p", "reg-inn", labels.inn() + " " + company.inn().strip());
    }
    element(out, "h1", "reg-title", document.title().in(language));
    element(out, "p", "reg-version", labels.version() + " " + document.number());
    element(
        out,
        "p",
        "reg-effective",
        labels.effectiveFrom() + " " + DATE.format(document.effectiveFrom()));
    out.append("</div>\n");

    out.append("<div class=\"reg-place\">\n");
    if (given(company.city())) {
      element(out, "p", "reg-city", company.city());
    }
    LocalDate approved =
        company.orderDate() != null ? company.orderDate() : document.effectiveFrom();
    element(out, "p", "reg-year", Integer.toString(approved.getYear()));
    out.append("</div>\n");

    out.append("</div>\n");
  }

  /** «Приказ № 15-П от 01.05.2026», or only the number or only the date when one is missing. */
  private static String order(CompanyDetails company, Labels labels) {
    StringBuilder order = new StringBuilder(labels.order());
    if (given(company.orderNumber())) {
      String number = company.orderNumber().strip();
      // the number may be given with its sign («№ 15-П»): print the sign once
      if (number.startsWith("№")) {
        number = number.substring(1).strip();
      }
      order.append(' ').append(labels.numberSign()).append(' ').append(number);
    }
    if (company.orderDate() != null) {
      order.append(' ').append(labels.of()).append(' ').append(DATE.format(company.orderDate()));
    }
    return order.toString();
  }

  private static void section(StringBuilder out, DocSection section, Labels labels) {
    String language = labels.language();
    out.append("<div class=\"reg-section\" data-key=\"");
    escape(out, section.key());
    out.append("\">\n<h2 class=\"reg-section-title\"><span class=\"reg-num\">")
        .append(section.number())
        .append(".</span> ");
    prose(out, section.title().in(language));
    out.append("</h2>\n");
    int clause = 0;
    for (DocBlock block : section.blocks()) {
      if (block instanceof DocBlock.Clause c) {
        clause++;
        out.append("<p class=\"reg-clause\"><span class=\"reg-num\">")
            .append(section.number())
            .append('.')
            .append(clause)
            .append(".</span> ");
        prose(out, c.text().in(language));
        out.append("</p>\n");
      } else if (block instanceof DocBlock.Items items) {
        items(out, items.items(), labels);
      } else if (block instanceof DocBlock.Formula formula) {
        element(out, "p", "reg-formula", formula.text().in(language));
      } else if (block instanceof DocBlock.Example example) {
        example(out, example, language);
      } else if (block instanceof DocBlock.Markdown markdown) {
        out.append("<div class=\"reg-markdown\">\n")
            .append(RegulationsMarkdown.toXhtml(markdown.in(language)))
            .append("</div>\n");
      } else {
        throw new IllegalArgumentException("unknown block " + block);
      }
    }
    out.append("</div>\n");
  }

  private static void items(StringBuilder out, List<Text> items, Labels labels) {
    if (items.isEmpty()) {
      return;
    }
    out.append("<ul class=\"reg-items\">\n");
    for (int i = 0; i < items.size(); i++) {
      out.append("<li><span class=\"reg-num\">")
          .append(letter(labels.letters(), i))
          .append(")</span> ");
      prose(out, items.get(i).in(labels.language()));
      out.append("</li>\n");
    }
    out.append("</ul>\n");
  }

  /**
   * The section's paragraphs as plain text, numbered and lettered exactly as {@link #section}
   * prints them («3.2. …», «а) …»).
   */
  static List<String> paragraphs(DocSection section, Labels labels) {
    List<String> out = new java.util.ArrayList<>();
    int clause = 0;
    for (DocBlock block : section.blocks()) {
      List<String> texts = block.texts(labels.language());
      if (block instanceof DocBlock.Clause) {
        clause++;
        out.add(section.number() + "." + clause + ". " + texts.get(0));
      } else if (block instanceof DocBlock.Items) {
        for (int i = 0; i < texts.size(); i++) {
          out.add(letter(labels.letters(), i) + ") " + texts.get(i));
        }
      } else {
        out.addAll(texts);
      }
    }
    return out;
  }

  /** The i-th (0-based) list letter: а … я, then аа, аб, … (a … z, aa, ab, … in English). */
  static String letter(String letters, int index) {
    int n = letters.length();
    StringBuilder letter = new StringBuilder();
    int i = index;
    do {
      letter.insert(0, letters.charAt(i % n));
      i = i / n - 1;
    } while (i >= 0);
    return letter.toString();
  }

  private static void example(StringBuilder out, DocBlock.Example example, String language) {
    out.append("<div class=\"reg-example\">\n");
    element(out, "p", "reg-example-caption", example.caption().in(language));
    for (Text step : example.steps()) {
      element(out, "p", "reg-example-step", step.in(language));
    }
    element(out, "p", "reg-example-result", example.result().in(language));
    out.append("</div>\n");
  }

  private static void element(StringBuilder out, String tag, String cssClass, String text) {
    out.append('<').append(tag).append(" class=\"").append(cssClass).append("\">");
    prose(out, text);
    out.append("</").append(tag).append(">\n");
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * A word with hard hyphens («VIP-клиентами», «из-за», «1С-ЗУП») with the quotes, brackets and
   * punctuation that touch it (a line must not break between a word and its closing quote either).
   */
  private static final java.util.regex.Pattern HYPHENATED =
      java.util.regex.Pattern.compile(
          "[«„(\\[\"']*[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)+[»)\\]\"'.,;:!?]*");

  /**
   * Appends text content escaped, each word with a hard hyphen kept on one line ({@code reg-nobr}):
   * a line broken after such a hyphen reads back from the PDF as one word without it (text
   * extraction takes a hyphen at a line's end for a hyphenation), so «VIP-клиентами» would extract
   * as «VIPклиентами».
   */
  static void prose(StringBuilder out, String text) {
    java.util.regex.Matcher m = HYPHENATED.matcher(text);
    int at = 0;
    while (m.find()) {
      escape(out, text.substring(at, m.start()));
      out.append("<span class=\"reg-nobr\">");
      escape(out, m.group());
      out.append("</span>");
      at = m.end();
    }
    escape(out, text.substring(at));
  }

  /** Appends the text escaped for XML (text and attribute values), without forbidden characters. */
  static void escape(StringBuilder out, String text) {
    String safe = xmlSafe(text);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  /**
   * The text without the characters XML 1.0 forbids (control characters other than tab, line feed
   * and carriage return; unpaired surrogates; U+FFFE and U+FFFF), which would make the document
   * ill-formed.
   */
  static String xmlSafe(String text) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      boolean allowed =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000;
      if (!allowed && safe == null) {
        safe = new StringBuilder(text.length()).append(text, 0, i);
      } else if (allowed && safe != null) {
        safe.appendCodePoint(cp);
      }
      i += width;
    }
    return safe == null ? text : safe.toString();
  }
}
