package app.premia.compensation.application;

import static app.premia.compensation.application.RegulationsRenderingTest.byClass;
import static app.premia.compensation.application.RegulationsRenderingTest.collapse;
import static app.premia.compensation.application.RegulationsRenderingTest.paragraphs;
import static app.premia.compensation.application.RegulationsRenderingTest.parse;
import static app.premia.compensation.application.RegulationsRenderingTestDocument.longDocument;
import static app.premia.compensation.application.RegulationsRenderingTestDocument.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.premia.compensation.domain.regulations.RegulationsDocument;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Issue #8, acceptance 3: the PDF of the regulations is valid and its text is the HTML view's. Each
 * PDF is loaded with PDFBox (pages, tagging, every font an embedded DejaVu Serif subset with a
 * ToUnicode map) and its text extracted with poppler's {@code pdftotext}; that text, less the page
 * furniture (the footer «Страница N из M» on every page but the title page, checked to be right,
 * and the draft mark «ПРОЕКТ» in the header of every page of a draft, counted), is compared with
 * the paragraphs of the XHTML read with the JDK's parser: every paragraph of the HTML appears in
 * the PDF's text in order, with nothing else between or after them. Whitespace is compared
 * collapsed (line breaks, no-break spaces); a line ending in a hyphen after a letter or digit is
 * joined without a space (the renderer does not hyphenate, but may break after a hyphen); the
 * English text is NFKC-normalised first, since PDFBox applies the font's Latin ligatures (ff, fi)
 * and they are extracted as U+FB00…; the Russian text is compared as extracted.
 *
 * <p>Fails (never skips) when pdftotext is missing: {@code bash infra/scripts/ensure-tools.sh
 * --browser} installs it (Debian's {@code poppler-utils}).
 */
class RegulationsRenderingPdfTest {

  static final long TIMEOUT_SECONDS = 60;

  static final Pattern FONT_NAME =
      Pattern.compile("[A-Z]{6}\\+DejaVuSerif(-Bold|-Italic|-BoldItalic)?");

  @TempDir static Path dir;

  static String pdftotext;

  private static final AtomicInteger FILES = new AtomicInteger();

  @BeforeAll
  static void findPdftotext() {
    pdftotext = locate();
    if (pdftotext == null) {
      fail(
          "pdftotext is not installed, so the regulations PDF's text cannot be checked: run"
              + " `bash infra/scripts/ensure-tools.sh --browser` (as root) to install Debian's"
              + " poppler-utils");
    }
  }

  @Test
  void pdf_isValid_tagged_andEmbedsDejaVuSerifSubsetsWithToUnicode() throws Exception {
    byte[] pdf = RegulationsRendering.pdf(sample(), "ru", true);
    assertTrue(new String(pdf, 0, 8, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(3, document.getNumberOfPages(), "title page + two pages of text");
      assertEquals(
          "Положение о премировании работников отдела продаж",
          document.getDocumentInformation().getTitle());
      assertEquals("ООО «Альфа»", document.getDocumentInformation().getAuthor());
      assertTrue(document.getDocumentInformation().getSubject().contains("Редакция № 2"));
      assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged (PDF/UA)");
      assertEquals("ru", document.getDocumentCatalog().getLanguage());

      Set<String> faces = new TreeSet<>();
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertInstanceOf(PDType0Font.class, font, "only the embedded font: " + font.getName());
          PDType0Font type0 = (PDType0Font) font;
          Matcher matcher = FONT_NAME.matcher(font.getName());
          assertTrue(matcher.matches(), "a DejaVu Serif subset: " + font.getName());
          assertTrue(font.isEmbedded(), font.getName());
          assertNotNull(
              type0.getDescendantFont().getFontDescriptor().getFontFile2(),
              "the TrueType program is in the file: " + font.getName());
          assertNotNull(
              font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE),
              "text extraction needs the ToUnicode map: " + font.getName());
          faces.add(matcher.group(1) == null ? "regular" : matcher.group(1));
        }
        for (COSName name : resources.getXObjectNames()) {
          assertFalse(
              resources.getXObject(name) instanceof PDImageXObject, "no image is ever loaded");
        }
      }
      assertTrue(faces.containsAll(Set.of("regular", "-Bold", "-Italic")), faces.toString());
    }
  }

  @Test
  void pdfText_ruDraft_isTheHtmlViewsText() throws Exception {
    compare(sample(), "ru", true);
  }

  @Test
  void pdfText_ruFinal_isTheHtmlViewsText() throws Exception {
    compare(sample(), "ru", false);
  }

  @Test
  void pdfText_en_isTheHtmlViewsText() throws Exception {
    compare(sample(), "en", true);
  }

  /**
   * A document as the writer generates it — every library template (all rule kinds of the seed's
   * roles and patterns) with the production KPI catalogue — extracts to the HTML view's text too.
   */
  @Test
  void pdfText_ofAGeneratedDocument_isTheHtmlViewsText_inBothLanguages() throws Exception {
    List<app.premia.compensation.domain.regulations.SchemeInForce> schemes = new ArrayList<>();
    int i = 0;
    for (app.premia.compensation.domain.TemplateSeed t :
        app.premia.compensation.domain.TemplateLibraryDefaults.templates()) {
      schemes.add(
          new app.premia.compensation.domain.regulations.SchemeInForce(
              java.util.UUID.nameUUIDFromBytes(("scheme:" + i).getBytes(StandardCharsets.UTF_8)),
              t.nameRu(),
              t.role(),
              java.util.UUID.nameUUIDFromBytes(("version:" + i++).getBytes(StandardCharsets.UTF_8)),
              1,
              java.time.LocalDate.of(2026, 1, 1),
              t.definition()));
    }
    RegulationsDocument generated =
        app.premia.compensation.domain.regulations.RegulationsWriter.write(
            new app.premia.compensation.domain.regulations.RegulationsInput(
                new app.premia.compensation.domain.regulations.CompanyDetails(
                    "ООО «Ёлка и партнёры»",
                    "7704123450",
                    "12-П",
                    java.time.LocalDate.of(2026, 4, 1),
                    "г. Москва",
                    "Генеральный директор",
                    "Ё. Ёлкин"),
                3,
                java.time.LocalDate.of(2026, 5, 1),
                schemes,
                new app.premia.kpi.application.KpiFeedService().catalogue(),
                List.of(),
                "₽"));
    assertTrue(generated.sections().size() > 8, "a role section per template");
    compare(generated, "ru", false);
    compare(generated, "en", true);
  }

  @Test
  void yo_rouble_guillemets_andAmounts_surviveTextExtraction() throws Exception {
    byte[] pdf = RegulationsRendering.pdf(sample(), "ru", false);
    int signs =
        count(
            String.join(" ", paragraphs(parse(RegulationsRendering.html(sample(), "ru", false)))),
            "₽");
    assertEquals(6, signs, "rouble signs in the HTML view");
    for (boolean layout : new boolean[] {false, true}) {
      String text = pdftotext(pdf, layout);
      String mode = layout ? "pdftotext -layout" : "pdftotext";
      for (String expected :
          List.of(
              "учёта объёма продаж",
              "Ёмкость рынка и её изменения",
              "«Ознакомлен»",
              "ООО «Альфа»",
              "Приказ № 15-П от 20.04.2026",
              "<script>alert('ё')</script>")) {
        assertTrue(collapse(text).contains(expected), mode + " lost «" + expected + "»:\n" + text);
      }
      // the amount with its no-break spaces and the rouble sign, exactly as printed
      assertTrue(
          Pattern.compile("1[\\u00A0 ]234[\\u00A0 ]567,89[\\u00A0 ]₽").matcher(text).find(),
          mode + " lost «1 234 567,89 ₽»:\n" + text);
      assertEquals(
          signs, count(text, "₽"), mode + ": every rouble sign of the document is extracted");
      assertFalse(text.contains("\uFFFD"), mode + ": a character without a Unicode mapping");
      assertFalse(text.contains("#"), mode + ": a glyph the font lacks was replaced");
    }
  }

  @Test
  void twentyPages_renderWellUnderASecondOnceWarm() throws Exception {
    RegulationsDocument document = longDocument(15);
    long cold = System.nanoTime();
    byte[] pdf = RegulationsRendering.pdf(document, "ru", true);
    long coldMs = (System.nanoTime() - cold) / 1_000_000;
    int pages;
    try (PDDocument loaded = Loader.loadPDF(pdf)) {
      pages = loaded.getNumberOfPages();
    }
    assertTrue(pages >= 18 && pages <= 26, "about twenty pages: " + pages);
    long[] warm = new long[3];
    for (int i = 0; i < warm.length; i++) {
      long start = System.nanoTime();
      RegulationsRendering.pdf(document, "ru", true);
      warm[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(warm);
    System.out.printf(
        "regulations PDF of %d pages (%d bytes): first render %d ms, then %s ms%n",
        pages, pdf.length, coldMs, Arrays.toString(warm));
    assertTrue(warm[1] < 3_000, "median of three renders: " + warm[1] + " ms");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The PDF's text, less its page furniture, is the HTML's paragraphs, in order and nothing else.
   */
  private static void compare(RegulationsDocument document, String language, boolean draft)
      throws Exception {
    boolean ru = language.equals("ru");
    String pageWord = ru ? "Страница" : "Page";
    String ofWord = ru ? "из" : "of";
    String draftMark = ru ? "ПРОЕКТ" : "DRAFT";

    // the HTML view's paragraphs (the on-screen draft banner is page furniture in print)
    org.w3c.dom.Document html = parse(RegulationsRendering.html(document, language, draft));
    for (Element banner : byClass(html, "reg-draft")) {
      banner.getParentNode().removeChild(banner);
    }
    Element body =
        (Element) html.getElementsByTagNameNS(RegulationsRenderingTest.XHTML, "body").item(0);
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : paragraphs(body)) {
      paragraphs.add(normal(paragraph, !ru));
    }
    assertTrue(paragraphs.size() > 30, paragraphs.toString());

    byte[] pdf = RegulationsRendering.pdf(document, language, draft);
    int pages;
    try (PDDocument loaded = Loader.loadPDF(pdf)) {
      pages = loaded.getNumberOfPages();
    }
    String text = pdftotext(pdf, false);
    // pdftotext ends every page with a form feed
    List<String> pageTexts = new ArrayList<>(Arrays.asList(text.split("\f", -1)));
    assertEquals("", pageTexts.remove(pageTexts.size() - 1).strip());
    assertEquals(pages, pageTexts.size(), "pages in pdftotext's output");

    Pattern footer = Pattern.compile("^" + pageWord + " (\\d+) " + ofWord + " (\\d+)$");
    List<String> lines = new ArrayList<>();
    Set<Integer> footers = new TreeSet<>();
    int marks = 0;
    for (int p = 0; p < pageTexts.size(); p++) {
      for (String raw : pageTexts.get(p).split("\n")) {
        String line = collapse(raw);
        Matcher m = footer.matcher(line);
        if (line.isEmpty()) {
          continue;
        } else if (m.matches()) {
          assertEquals(p + 1, Integer.parseInt(m.group(1)), "page number on page " + (p + 1));
          assertEquals(pages, Integer.parseInt(m.group(2)), "page count on page " + (p + 1));
          footers.add(p + 1);
        } else if (draft && line.equals(draftMark)) {
          marks++;
        } else {
          lines.add(line);
        }
      }
    }
    Set<Integer> numbered = new TreeSet<>();
    for (int p = 2; p <= pages; p++) {
      numbered.add(p);
    }
    assertEquals(numbered, footers, "a footer on every page but the title page");
    assertEquals(draft ? pages : 0, marks, "the draft mark on every page of a draft only");

    // compared without white space: pdftotext's reading-order reconstruction sometimes drops the
    // spaces of a wrapped line («— 5 %» reads «—5%»); every other character must match, in order
    String extracted = withoutSpaces(normal(joinLines(lines), !ru));
    int cursor = 0;
    for (String inHtml : paragraphs) {
      String paragraph = withoutSpaces(inHtml);
      int at = extracted.indexOf(paragraph, cursor);
      String next = extracted.substring(cursor, Math.min(extracted.length(), cursor + 200));
      assertTrue(
          at >= 0,
          "not in the PDF (after what came before): «"
              + paragraph
              + "»\nnext in the PDF: «"
              + next
              + "»");
      assertEquals(
          "",
          extracted.substring(cursor, at).strip(),
          "text in the PDF that the HTML does not have before «" + paragraph + "»");
      cursor = at + paragraph.length();
    }
    assertEquals(
        "", extracted.substring(cursor).strip(), "text in the PDF after the last paragraph");
  }

  /** Lines joined by a space, or by nothing after a hyphen that ends a word part («15-го»). */
  static String joinLines(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      int n = out.length();
      boolean brokenAfterHyphen =
          n >= 2 && out.charAt(n - 1) == '-' && Character.isLetterOrDigit(out.charAt(n - 2));
      if (n > 0 && !brokenAfterHyphen) {
        out.append(' ');
      }
      out.append(line);
    }
    return out.toString();
  }

  private static String withoutSpaces(String text) {
    return text.replaceAll("[\\s\\u00A0\\u202F]", "");
  }

  private static String normal(String text, boolean compatibility) {
    return collapse(compatibility ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text);
  }

  private static int count(String text, String what) {
    int count = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      count++;
    }
    return count;
  }

  /** The text pdftotext extracts (UTF-8), in reading order or with {@code -layout}. */
  static String pdftotext(byte[] pdf, boolean layout) throws Exception {
    return pdftotext(pdf, layout ? "-layout" : null);
  }

  /** The text pdftotext extracts (UTF-8) in a mode: null (reading order), -layout or -raw. */
  static String pdftotext(byte[] pdf, String mode) throws Exception {
    boolean layout = mode != null;
    int n = FILES.incrementAndGet();
    Path file = dir.resolve("regulations-" + n + ".pdf");
    Path out = dir.resolve("regulations-" + n + (layout ? mode : "") + ".txt");
    Path log = dir.resolve("pdftotext-" + n + ".log");
    Files.write(file, pdf);
    List<String> command = new ArrayList<>(List.of(pdftotext, "-enc", "UTF-8"));
    if (layout) {
      command.add(mode);
    }
    command.add(file.toString());
    command.add(out.toString());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("pdftotext did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
    }
    assertEquals(
        0,
        process.exitValue(),
        "pdftotext failed: " + String.join(" ", command) + "\n" + Files.readString(log));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  static String locate() {
    String path = System.getenv("PATH");
    List<String> candidates = new ArrayList<>();
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          candidates.add(entry + File.separator + "pdftotext");
        }
      }
    }
    candidates.add("/usr/bin/pdftotext");
    for (String candidate : candidates) {
      File file = new File(candidate);
      if (file.isFile() && file.canExecute()) {
        return file.getAbsolutePath();
      }
    }
    return null;
  }
}
