package app.premia.compensation.application;

/**
 * The stylesheets of the regulations' XHTML.
 *
 * <p>{@link #CONTENT} styles the document itself; every selector starts with the root class {@code
 * .premia-regulations}, so the SPA can show the fragment (which carries this stylesheet in its own
 * {@code <style>}) without it touching the rest of the page. There a draft shows a banner above the
 * title page; in the whole document ({@link #WHOLE_DOCUMENT}, the PDF) the banner gives way to the
 * header of {@link #page} on every page.
 *
 * <p>{@link #page} is only in the whole document's head (the PDF's page layout): A4 with the
 * margins of Russian office documents (left 30 mm), the page number in the footer of every page but
 * the title page, and for a draft «ПРОЕКТ» in a red frame in the header of every page. The mark is
 * text in a page margin box rather than a diagonal watermark: rotated text comes out of text
 * extraction letter by letter among the lines of the page. Paragraphs are set flush left, not
 * justified: the wide gaps of a justified short line make text extraction read its words as
 * columns. No rule refers to anything outside the document: no web fonts, no images.
 */
final class RegulationsStylesheet {

  /** The font family the PDF embeds (DejaVu Serif, from {@code /fonts}). */
  static final String FONT_FAMILY = "DejaVu Serif";

  /** The document's own rules, scoped to the root class. */
  static final String CONTENT =
      """
      .premia-regulations {
        font-family: "DejaVu Serif", "PT Serif", "Times New Roman", serif;
        font-size: 12pt;
        line-height: 1.4;
        color: #000000;
      }
      .premia-regulations p { margin: 0 0 6pt 0; }
      .premia-regulations .reg-draft {
        color: #b3261e;
        border: 2pt solid #b3261e;
        font-weight: bold;
        font-size: 14pt;
        text-align: center;
        padding: 4pt;
        margin: 0 0 12pt 0;
      }
      .premia-regulations .reg-title-page { page-break-after: always; }
      .premia-regulations .reg-approval { margin: 0 0 0 52%; }
      .premia-regulations .reg-approval p { margin: 0 0 2pt 0; text-align: left; }
      .premia-regulations .reg-approval .reg-approval-head { font-weight: bold; margin-bottom: 6pt; }
      .premia-regulations .reg-sign-line {
        display: inline-block;
        width: 30mm;
        height: 0;
        border-bottom: 0.75pt solid #000000;
        margin-right: 4pt;
      }
      .premia-regulations .reg-heading { margin: 55mm 0 0 0; text-align: center; }
      .premia-regulations .reg-heading p { text-align: center; }
      .premia-regulations .reg-company { font-weight: bold; font-size: 13pt; }
      .premia-regulations .reg-title {
        font-size: 17pt;
        font-weight: bold;
        text-align: center;
        margin: 18pt 0 12pt 0;
      }
      .premia-regulations .reg-place { margin: 70mm 0 0 0; text-align: center; }
      .premia-regulations .reg-place p { text-align: center; margin: 0; }
      .premia-regulations .reg-section { margin: 0 0 6pt 0; }
      .premia-regulations .reg-section-title {
        font-size: 13pt;
        font-weight: bold;
        text-align: center;
        margin: 14pt 0 8pt 0;
        page-break-after: avoid;
      }
      .premia-regulations .reg-clause { text-align: left; }
      .premia-regulations .reg-items { list-style: none; margin: 0 0 6pt 0; padding: 0 0 0 12mm; }
      .premia-regulations .reg-items li { margin: 0 0 3pt 0; text-align: left; }
      .premia-regulations .reg-formula {
        text-align: center;
        margin: 8pt 10mm 10pt 10mm;
        page-break-inside: avoid;
      }
      .premia-regulations .reg-example {
        border: 0.75pt solid #555555;
        background-color: #f4f4f4;
        padding: 6pt 8pt 2pt 8pt;
        margin: 6pt 0 10pt 0;
        page-break-inside: avoid;
      }
      .premia-regulations .reg-example-caption { font-weight: bold; }
      .premia-regulations .reg-example-step { margin: 0 0 3pt 6mm; }
      .premia-regulations .reg-example-result { font-weight: bold; }
      .premia-regulations .reg-markdown { text-align: left; }
      .premia-regulations .reg-markdown h3,
      .premia-regulations .reg-markdown h4,
      .premia-regulations .reg-markdown h5,
      .premia-regulations .reg-markdown h6 { font-size: 12pt; font-weight: bold; margin: 8pt 0 4pt 0; }
      .premia-regulations .reg-nobr { white-space: nowrap; }
      .premia-regulations .reg-markdown pre { font-family: "DejaVu Serif", serif; white-space: pre-wrap; }
      .premia-regulations .reg-markdown blockquote { margin: 0 0 6pt 8mm; }
      @media screen {
        .premia-regulations .reg-heading { margin-top: 32pt; }
        .premia-regulations .reg-place { margin-top: 32pt; }
        .premia-regulations .reg-title-page { border-bottom: 0.75pt solid #cccccc; padding-bottom: 12pt; }
      }
      """;

  /**
   * For the whole document's head, after {@link #CONTENT}: the fragment's own copy of the
   * stylesheet is not content, and the draft banner gives way to the header of {@link #page}.
   */
  static final String WHOLE_DOCUMENT =
      """
      .premia-regulations style { display: none; }
      .premia-regulations .reg-draft { display: none; }
      """;

  private RegulationsStylesheet() {}

  /**
   * The page layout of the PDF, with the footer's words in the language and, for a draft, the draft
   * mark in the header of every page.
   *
   * @param draftMark «ПРОЕКТ» / «DRAFT», or null for a final version
   */
  static String page(String pageWord, String ofWord, String draftMark) {
    String header =
        draftMark == null
            ? ""
            : """
              @top-center {
                content: "%s";
                font-family: "DejaVu Serif", serif;
                font-weight: bold;
                font-size: 16pt;
                color: #b3261e;
                border: 1.5pt solid #b3261e;
                padding: 2pt 0;
                margin: 8mm 0 4mm 0;
              }
            """
                .formatted(draftMark);
    return """
        @page {
          size: A4;
          margin: 20mm 15mm 22mm 30mm;
        %3$s  @bottom-center {
            content: "%1$s " counter(page) " %2$s " counter(pages);
            font-family: "DejaVu Serif", serif;
            font-size: 9pt;
          }
        }
        @page :first {
          @bottom-center { content: none; }
        }
        """
        .formatted(pageWord, ofWord, header);
  }
}
