package app.premia.compensation.application;

import app.premia.compensation.application.RegulationsMarkup.Labels;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders a regulations version: one XHTML document (title page with the approval block, numbered
 * sections, worked examples) that the SPA shows and the PDF is made from, so both carry the same
 * text. The PDF embeds a Cyrillic font (Russian text, «ё» and ₽ extract correctly).
 *
 * <ul>
 *   <li>{@link #html}: a complete, well-formed XHTML document; its head holds the page layout (A4,
 *       page numbers in the footer), its body is exactly {@link #fragment}.
 *   <li>{@link #fragment}: {@code <div class="premia-regulations">} carrying its own {@code
 *       <style>} (every rule scoped to that class), for the SPA to put into a page as it is.
 *   <li>{@link #pdf}: the PDF of {@link #html} (openhtmltopdf), with DejaVu Serif (regular, bold,
 *       italic, bold italic; {@code /fonts}, Bitstream Vera licence) embedded as subsets with their
 *       ToUnicode maps. Nothing outside the document is loaded: every external resource is refused.
 * </ul>
 *
 * The structure of the markup is described in {@link RegulationsMarkup}; the rules of tenant
 * Markdown in {@link RegulationsMarkdown}. Pure functions of the document: no database, no clock,
 * no network.
 */
public final class RegulationsRendering {

  /** The content type of {@link #pdf}. */
  public static final String PDF_CONTENT_TYPE = "application/pdf";

  /** The class of the fragment's root element, to which the stylesheet is scoped. */
  public static final String ROOT_CLASS = RegulationsMarkup.ROOT_CLASS;

  /** The embedded font's files, by weight and style. */
  private static final List<Face> FACES =
      List.of(
          new Face("/fonts/DejaVuSerif.ttf", 400, FontStyle.NORMAL),
          new Face("/fonts/DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
          new Face("/fonts/DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
          new Face("/fonts/DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));

  /**
   * PDFBox warns on every render that it substitutes Helvetica and ZapfDingbats (openhtmltopdf
   * creates them for form fields, which the regulations never have; no text is set in them, see the
   * test's font check). Held here so that the level stays set.
   */
  private static final Logger PDFBOX_STANDARD_FONTS =
      quiet(Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font"));

  private RegulationsRendering() {}

  /**
   * The whole XHTML document (with its stylesheet).
   *
   * @param language {@code ru} or {@code en}
   * @param draft whether to mark it as a draft («ПРОЕКТ»)
   */
  public static String html(RegulationsDocument document, String language, boolean draft) {
    Objects.requireNonNull(document, "document");
    return RegulationsMarkup.document(document, Labels.of(language), draft);
  }

  /**
   * The body only (no html/head), for the SPA's view; the same markup as inside {@link #html}: a
   * {@code div.premia-regulations} whose first child is its {@code <style>}.
   */
  public static String fragment(RegulationsDocument document, String language, boolean draft) {
    Objects.requireNonNull(document, "document");
    return RegulationsMarkup.fragment(document, Labels.of(language), draft);
  }

  /**
   * A section's paragraphs as plain text, numbered and lettered as the page and the PDF print them.
   *
   * @param language {@code ru} or {@code en}
   */
  public static java.util.List<String> paragraphs(
      app.premia.compensation.domain.regulations.DocSection section, String language) {
    return RegulationsMarkup.paragraphs(section, Labels.of(language));
  }

  /** The PDF of {@link #html}. */
  public static byte[] pdf(RegulationsDocument document, String language, boolean draft) {
    String html = html(document, language, draft);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    // tagged (PDF/UA): structure for screen readers, and no non-embedded standard fonts at all
    builder.usePdfUaAccessibility(true);
    builder.withHtmlContent(html, null);
    for (Face face : FACES) {
      builder.useFont(
          () -> new ByteArrayInputStream(face.bytes()),
          RegulationsStylesheet.FONT_FAMILY,
          face.weight(),
          face.style(),
          true);
    }
    // the document is self-contained: refuse whatever it might still point at
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the regulations PDF could not be rendered", e);
    }
    return out.toByteArray();
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  /** One file of the embedded font; its bytes are read once. */
  private record Face(String resource, int weight, FontStyle style) {

    byte[] bytes() {
      return FontFiles.bytes(resource);
    }
  }

  /** The font files, read from the classpath on first use and kept. */
  private static final class FontFiles {

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    static byte[] bytes(String resource) {
      return CACHE.computeIfAbsent(resource, FontFiles::read);
    }

    private static byte[] read(String resource) {
      try (InputStream in = RegulationsRendering.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the font " + resource + " is not on the classpath");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("the font " + resource + " could not be read", e);
      }
    }
  }
}
