package app.premia.compensation.application;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The tenant's Markdown as XHTML for the regulations (CommonMark, commonmark-java). Tenant input
 * never becomes markup: raw HTML is escaped ({@code escapeHtml}), link targets other than http,
 * https, mailto and data are emptied ({@code sanitizeUrls}, so {@code javascript:} goes), images
 * are printed as their alternative text (nothing is ever fetched when the PDF is rendered), and
 * headings are moved two levels down ({@code #} becomes {@code h3}) so that they sit below the
 * document's title and section headings. Characters XML 1.0 does not allow are dropped before
 * parsing, so the output is always well-formed XHTML (void elements are written {@code <br />}).
 */
final class RegulationsMarkdown {

  private static final Parser PARSER = Parser.builder().build();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .nodeRendererFactory(TenantNodes::new)
          .build();

  private RegulationsMarkdown() {}

  /** The Markdown source as XHTML block elements (paragraphs, lists, headings, quotes, code). */
  static String toXhtml(String markdown) {
    return RENDERER.render(PARSER.parse(RegulationsMarkup.xmlSafe(markdown)));
  }

  /**
   * Headings two levels down, images as their alternative text, and text with its hyphenated words
   * kept on one line (as the generated text: see {@link RegulationsMarkup#prose}).
   */
  private static final class TenantNodes implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    TenantNodes(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Heading.class, Image.class, org.commonmark.node.Text.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof org.commonmark.node.Text text) {
        StringBuilder out = new StringBuilder();
        RegulationsMarkup.prose(out, text.getLiteral());
        html.raw(out.toString());
        return;
      }
      if (node instanceof Heading heading) {
        String tag = "h" + Math.min(6, heading.getLevel() + 2);
        html.line();
        html.tag(tag, context.extendAttributes(heading, tag, Map.of()));
        renderChildren(heading);
        html.tag("/" + tag);
        html.line();
      } else {
        renderChildren(node);
      }
    }

    private void renderChildren(Node parent) {
      Node child = parent.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
    }
  }
}
