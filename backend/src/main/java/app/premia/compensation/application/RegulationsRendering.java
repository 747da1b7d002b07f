package app.premia.compensation.application;

import app.premia.compensation.domain.regulations.RegulationsDocument;

/**
 * Renders a regulations version: one XHTML document (title page with the approval block, numbered
 * sections, worked examples) that the SPA shows and the PDF is made from, so both carry the same
 * text. The PDF embeds a Cyrillic font (Russian text, «ё» and ₽ extract correctly).
 *
 * <p>Not implemented yet (the rendering helper owns it).
 */
public final class RegulationsRendering {

  private RegulationsRendering() {}

  /**
   * The whole XHTML document (with its stylesheet).
   *
   * @param language {@code ru} or {@code en}
   * @param draft whether to mark it as a draft («ПРОЕКТ»)
   */
  public static String html(RegulationsDocument document, String language, boolean draft) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The body only (no html/head), for the SPA's view; the same markup as inside {@link #html}. */
  public static String fragment(RegulationsDocument document, String language, boolean draft) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** The PDF of {@link #html}. */
  public static byte[] pdf(RegulationsDocument document, String language, boolean draft) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
