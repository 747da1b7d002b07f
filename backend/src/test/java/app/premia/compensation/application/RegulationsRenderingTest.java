package app.premia.compensation.application;

import static app.premia.compensation.application.RegulationsRenderingTestDocument.AMOUNT;
import static app.premia.compensation.application.RegulationsRenderingTestDocument.sample;
import static app.premia.compensation.application.RegulationsRenderingTestDocument.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.compensation.domain.regulations.DocBlock;
import app.premia.compensation.domain.regulations.DocSection;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The XHTML of the regulations (issue #8): well-formed, the title page with the approval block
 * (only what is given), numbered sections and clauses, lettered lists, the draft mark, English
 * labels, and tenant Markdown that cannot inject markup. The PDF is checked against this markup in
 * {@link RegulationsRenderingPdfTest}.
 */
class RegulationsRenderingTest {

  static final String XHTML = "http://www.w3.org/1999/xhtml";

  /** Elements whose text is one paragraph of the document (when no such element is inside). */
  static final Set<String> BLOCKS =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "div", "ul", "ol", "blockquote");

  @Test
  void html_isAWellFormedXhtmlDocument_whoseBodyIsTheFragment() throws Exception {
    RegulationsDocument document = sample();
    String html = RegulationsRendering.html(document, "ru", false);
    Document dom = parse(html);

    Element root = dom.getDocumentElement();
    assertEquals("html", root.getLocalName());
    assertEquals(XHTML, root.getNamespaceURI());
    assertEquals("ru", root.getAttribute("lang"));
    assertEquals(
        "Положение о премировании работников отдела продаж",
        text(only(root, "title")).strip(),
        "the PDF's title");
    Element body = only(root, "body");
    List<Element> children = childElements(body);
    assertEquals(1, children.size(), "the body holds the fragment only");
    assertEquals("premia-regulations", children.get(0).getAttribute("class"));

    String fragment = RegulationsRendering.fragment(document, "ru", false);
    assertTrue(
        html.contains("<body>\n" + fragment + "</body>"),
        "the body of html() is exactly fragment()");
    // the fragment alone is well-formed too, its first child its own stylesheet
    Element div = parse(fragment).getDocumentElement();
    assertEquals("div", div.getNodeName());
    assertEquals("style", childElements(div).get(0).getNodeName());
  }

  @Test
  void fragmentStylesheet_isScopedToTheRootClass() {
    String fragment = RegulationsRendering.fragment(sample(), "ru", true);
    String css = fragment.substring(fragment.indexOf("<style>") + 7, fragment.indexOf("</style>"));
    assertFalse(css.contains("@page"), "the page layout stays in the whole document's head");
    // every selector of every rule (inside @media too) starts with the root class
    Matcher rule =
        Pattern.compile("([^{}]+)\\{[^{}]*\\}").matcher(css.replaceAll("@media[^{]+\\{", ""));
    int selectors = 0;
    while (rule.find()) {
      for (String selector : rule.group(1).split(",")) {
        String s = selector.strip();
        if (s.isEmpty()) {
          continue;
        }
        selectors++;
        assertTrue(s.startsWith(".premia-regulations"), "unscoped selector: " + s);
      }
    }
    assertTrue(selectors > 20, "rules found: " + selectors);
  }

  @Test
  void titlePage_ru_approvalBlock_title_version_effectiveDate_cityAndYear() throws Exception {
    Element titlePage =
        byClass(parse(RegulationsRendering.html(sample(), "ru", false)), "reg-title-page").get(0);
    assertEquals(
        List.of(
            "УТВЕРЖДЕНО",
            "Генеральный директор",
            "ООО «Альфа»",
            "И. И. Иванов",
            "Приказ № 15-П от 20.04.2026",
            "ООО «Альфа»",
            "ИНН 7701234567",
            "Положение о премировании работников отдела продаж",
            "Редакция № 2",
            "Вводится в действие с 01.05.2026",
            "г. Москва",
            "2026"),
        paragraphs(titlePage));
    assertEquals(
        "Положение о премировании работников отдела продаж",
        text(byClass(titlePage, "reg-title").get(0)));
    assertEquals("h1", byClass(titlePage, "reg-title").get(0).getLocalName());
  }

  @Test
  void titlePage_printsOnlyWhatIsGiven() throws Exception {
    CompanyDetails nameOnly =
        new CompanyDetails("ИП Петров П. П.", null, null, null, " ", "", null);
    List<String> title = titlePage(withCompany(nameOnly), "ru");
    assertEquals(
        List.of(
            "УТВЕРЖДАЮ",
            "ИП Петров П. П.",
            "ИП Петров П. П.",
            "Положение о премировании работников отдела продаж",
            "Редакция № 2",
            "Вводится в действие с 01.05.2026",
            "2026"),
        title,
        "no order, approver, ИНН or city: none printed; the year is the effective date's");

    CompanyDetails dateOnly =
        new CompanyDetails("ООО «Бета»", null, null, LocalDate.of(2025, 12, 30), null, null, null);
    List<String> byDate = titlePage(withCompany(dateOnly), "ru");
    assertEquals("УТВЕРЖДЕНО", byDate.get(0));
    assertTrue(byDate.contains("Приказ от 30.12.2025"), byDate.toString());
    assertEquals("2025", byDate.get(byDate.size() - 1), "the year of the order");

    CompanyDetails numberWithSign =
        new CompanyDetails("ООО «Бета»", null, "№ 7", null, null, "Директор", null);
    List<String> byNumber = titlePage(withCompany(numberWithSign), "ru");
    assertTrue(byNumber.contains("Приказ № 7"), byNumber.toString());
    assertTrue(byNumber.contains("Директор"), byNumber.toString());
  }

  @Test
  void sections_clausesNumberedWithinTheirSection_itemsLettered_formulaAndExample()
      throws Exception {
    Document dom = parse(RegulationsRendering.html(sample(), "ru", false));
    assertEquals(
        List.of(
            "1. Общие положения",
            "2. Термины и определения",
            "3. Премия менеджера по работе с клиентами",
            "4. Учёт возвратов",
            "5. Заключительные положения"),
        texts(byClass(dom, "reg-section-title")));
    assertEquals("h2", byClass(dom, "reg-section-title").get(0).getLocalName());

    List<String> clauses = texts(byClass(dom, "reg-clause"));
    assertEquals(
        List.of("1.1.", "1.2.", "1.3.", "2.1.", "2.2.", "3.1.", "3.2.", "5.1.", "5.2."),
        clauses.stream().map(c -> c.substring(0, c.indexOf(' '))).toList(),
        "the list between 1.2 and 1.3 takes no number");
    assertTrue(clauses.get(0).contains("порядок учёта объёма продаж"), clauses.get(0));

    Element items = byClass(dom, "reg-items").get(0);
    assertEquals(
        List.of(
            "а) менеджер по работе с клиентами;",
            "б) старший менеджер;",
            "в) руководитель отдела продаж."),
        paragraphs(items));
    assertEquals(
        "Премия = 5 % × (Объём продаж − 1\u00A0000\u00A0000,00\u00A0₽)",
        text(byClass(dom, "reg-formula").get(0)));

    Element example = byClass(dom, "reg-example").get(0);
    List<String> lines = paragraphs(example);
    assertEquals(4, lines.size(), lines.toString());
    assertEquals("Пример 1. Расчёт премии за май 2026 г.", lines.get(0));
    assertTrue(
        lines.get(3).startsWith("Премия: " + collapse(AMOUNT) + " (один миллион"), lines.get(3));
    assertEquals(1, byClass(example, "reg-example-result").size());

    assertEquals(
        "own:returns",
        ((Element) byClass(dom, "reg-section").get(3)).getAttribute("data-key"),
        "sections carry their key");
  }

  @Test
  void english_labelsAndLetters() throws Exception {
    Document dom = parse(RegulationsRendering.html(sample(), "en", true));
    assertEquals("en", dom.getDocumentElement().getAttribute("lang"));
    List<String> title = paragraphs(byClass(dom, "reg-title-page").get(0));
    assertEquals("APPROVED", title.get(0));
    assertTrue(title.contains("Order No. 15-П of 20.04.2026"), title.toString());
    assertTrue(title.contains("INN 7701234567"), title.toString());
    assertTrue(title.contains("Sales staff bonus regulations"), title.toString());
    assertTrue(title.contains("Version No. 2"), title.toString());
    assertTrue(title.contains("Effective from 01.05.2026"), title.toString());
    assertEquals("1. General provisions", texts(byClass(dom, "reg-section-title")).get(0));
    assertEquals(
        List.of("a) account manager;", "b) senior manager;", "c) head of sales."),
        paragraphs(byClass(dom, "reg-items").get(0)));
    assertEquals("DRAFT", text(byClass(dom, "reg-draft").get(0)));
    // the tenant wrote Russian only: the English view prints it
    assertTrue(
        text(byClass(dom, "reg-markdown").get(0)).contains("Возвраты учитываются"),
        "the Russian Markdown stands in for the missing English");
    assertTrue(RegulationsRendering.html(sample(), "EN", false).contains("lang=\"en\""));
  }

  @Test
  void draft_isMarked_onScreenAndOnEveryPrintedPage() throws Exception {
    String draft = RegulationsRendering.html(sample(), "ru", true);
    Document dom = parse(draft);
    assertEquals(List.of("ПРОЕКТ"), texts(byClass(dom, "reg-draft")));
    String head = text(only(dom.getDocumentElement(), "head"));
    assertTrue(
        Pattern.compile("@top-center\\s*\\{\\s*content:\\s*\"ПРОЕКТ\"").matcher(head).find(),
        "the page header of every page says ПРОЕКТ");

    String fin = RegulationsRendering.html(sample(), "ru", false);
    assertTrue(byClass(parse(fin), "reg-draft").isEmpty());
    assertFalse(fin.contains("ПРОЕКТ"));
  }

  @Test
  void tenantMarkdown_cannotInjectMarkup() throws Exception {
    String html = RegulationsRendering.html(sample(), "ru", false);
    Document dom = parse(html);
    Element markdown = byClass(dom, "reg-markdown").get(0);

    assertEquals(0, dom.getElementsByTagNameNS(XHTML, "script").getLength(), "no script element");
    assertEquals(0, dom.getElementsByTagNameNS(XHTML, "img").getLength(), "nothing to fetch");
    assertEquals(0, dom.getElementsByTagNameNS(XHTML, "b").getLength(), "no raw HTML element");
    NodeList all = dom.getElementsByTagNameNS(XHTML, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      for (int a = 0; a < e.getAttributes().getLength(); a++) {
        String name = e.getAttributes().item(a).getNodeName();
        String value = e.getAttributes().item(a).getNodeValue();
        assertFalse(name.startsWith("on"), "event handler " + name + " on " + e.getNodeName());
        assertFalse(
            value.strip().toLowerCase().startsWith("javascript:"), "javascript: in " + name);
      }
    }
    assertFalse(html.toLowerCase().contains("javascript:"));

    List<String> paragraphs = paragraphs(markdown);
    assertEquals(
        List.of(
            "Порядок учёта возвратов",
            "Возвраты учитываются в объёме продаж месяца возврата, без исключений.",
            "<script>alert('ё')</script>",
            "<b onclick=\"steal()\">жирный</b> текст и ссылка на «правила».",
            "схема",
            "первый пункт списка;",
            "второй пункт: 10 % от 500 000 ₽."),
        paragraphs,
        "raw HTML is printed as text, the image as its alternative text");
    assertEquals(
        "h3",
        firstElement(markdown, "h3").getLocalName(),
        "a Markdown heading sits below the section's h2");
    assertEquals("объёме продаж", text(firstElement(markdown, "strong")));
    assertEquals("без исключений", text(firstElement(markdown, "em")));
    assertEquals("", firstElement(markdown, "a").getAttribute("href"), "javascript: removed");
  }

  /** A line broken after a hard hyphen would extract from the PDF as one word without it. */
  @Test
  void hyphenatedWords_withTheirQuotes_stayOnOneLine_inGeneratedTextAndTenantMarkdown()
      throws Exception {
    RegulationsDocument document =
        new RegulationsDocument(
            new app.premia.compensation.domain.Text("Положение", "Regulations"),
            new CompanyDetails("ООО «Альфа»", null, null, null, null, null, null),
            1,
            java.time.LocalDate.of(2026, 5, 1),
            List.of(
                new DocSection(
                    "general",
                    1,
                    new app.premia.compensation.domain.Text("Общие", "General"),
                    List.of(
                        new DocBlock.Clause(
                            new app.premia.compensation.domain.Text(
                                "Схема «Менеджер по работе с VIP-клиентами» действует.", "x")),
                        new DocBlock.Markdown("Премия не платится из-за «спец-условий».", null)),
                    false)),
            List.of());
    Document dom = parse(RegulationsRendering.html(document, "ru", false));
    List<String> kept = new java.util.ArrayList<>();
    for (Element span : byClass(dom, "reg-nobr")) {
      kept.add(text(span));
    }
    assertEquals(List.of("VIP-клиентами»", "из-за", "«спец-условий»."), kept);
    assertTrue(
        RegulationsRendering.html(document, "ru", false)
            .contains(".reg-nobr { white-space: nowrap; }"),
        "the class keeps its words together");
  }

  @Test
  void modelText_isEscaped_andCharactersXmlForbidsAreDropped() throws Exception {
    CompanyDetails hostile =
        new CompanyDetails(
            "ООО «<b>Альфа</b> & Ко\u0001»", "77\"01", "1<2", null, "г. 'Москва'", null, null);
    DocSection section =
        new DocSection(
            "own:x\"y",
            1,
            t("Раздел <i>курсив</i> & \uFFFF", "Section"),
            List.of(
                new DocBlock.Clause(t("</p><script>x()</script>", "x")),
                new DocBlock.Markdown("текст\u0000 и \u0007звонок \uD800 & <br> ]]>", null)),
            true);
    RegulationsDocument document =
        new RegulationsDocument(
            t("Положение", "Regulations"),
            hostile,
            1,
            LocalDate.of(2026, 5, 1),
            List.of(section),
            List.of());
    Document dom = parse(RegulationsRendering.html(document, "ru", true));
    assertEquals(0, dom.getElementsByTagNameNS(XHTML, "script").getLength());
    assertEquals(0, dom.getElementsByTagNameNS(XHTML, "i").getLength());
    assertEquals(0, dom.getElementsByTagNameNS(XHTML, "br").getLength());
    assertEquals("ООО «<b>Альфа</b> & Ко»", text(byClass(dom, "reg-company").get(0)));
    assertEquals("1. Раздел <i>курсив</i> &", texts(byClass(dom, "reg-section-title")).get(0));
    assertEquals("1.1. </p><script>x()</script>", text(byClass(dom, "reg-clause").get(0)));
    assertEquals("Приказ № 1<2", text(byClass(dom, "reg-order").get(0)));
    assertEquals(
        "own:x\"y", ((Element) byClass(dom, "reg-section").get(0)).getAttribute("data-key"));
    assertEquals("текст и звонок & <br> ]]>", collapse(text(byClass(dom, "reg-markdown").get(0))));
  }

  @Test
  void language_mustBeRuOrEn() {
    assertThrows(
        IllegalArgumentException.class, () -> RegulationsRendering.html(sample(), "de", false));
    assertThrows(
        IllegalArgumentException.class, () -> RegulationsRendering.fragment(sample(), null, false));
  }

  @Test
  void listLetters_skipTheLettersGostLeavesOut_thenDouble() {
    String ru = RegulationsMarkup.Labels.RU.letters();
    assertEquals("а", RegulationsMarkup.letter(ru, 0));
    assertEquals("и", RegulationsMarkup.letter(ru, 7), "no ё, з, й");
    assertEquals("п", RegulationsMarkup.letter(ru, 12), "no о");
    assertEquals("ш", RegulationsMarkup.letter(ru, 20), "no ч");
    assertEquals("я", RegulationsMarkup.letter(ru, 24), "no ъ, ы, ь");
    assertEquals("аа", RegulationsMarkup.letter(ru, 25));
    assertEquals("аб", RegulationsMarkup.letter(ru, 26));
    String en = RegulationsMarkup.Labels.EN.letters();
    assertEquals("z", RegulationsMarkup.letter(en, 25));
    assertEquals("aa", RegulationsMarkup.letter(en, 26));
    assertEquals("ba", RegulationsMarkup.letter(en, 52));
  }

  // ---------------------------------------------------------------------------------------------

  private static RegulationsDocument withCompany(CompanyDetails company) {
    RegulationsDocument sample = sample();
    return new RegulationsDocument(
        sample.title(),
        company,
        sample.number(),
        sample.effectiveFrom(),
        sample.sections(),
        List.of());
  }

  private static List<String> titlePage(RegulationsDocument document, String language)
      throws Exception {
    return paragraphs(
        byClass(parse(RegulationsRendering.html(document, language, false)), "reg-title-page")
            .get(0));
  }

  /** Parses XHTML with the JDK's parser (namespace-aware, no external entities or DTDs). */
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new InputSource(new StringReader(xml)));
  }

  /**
   * The paragraphs under {@code root} in document order: the text of every block element that has
   * no block element inside, whitespace collapsed; stylesheets are not text.
   */
  static List<String> paragraphs(Node root) {
    List<String> out = new ArrayList<>();
    collect(root instanceof Document d ? d.getDocumentElement() : root, out);
    return out;
  }

  private static void collect(Node node, List<String> out) {
    if (!(node instanceof Element element)) {
      return;
    }
    String name = element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    if (name.equals("style")) {
      return;
    }
    if (BLOCKS.contains(name) && !hasBlockInside(element)) {
      String text = collapse(text(element));
      if (!text.isEmpty()) {
        out.add(text);
      }
      return;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collect(child, out);
    }
  }

  private static boolean hasBlockInside(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        if (BLOCKS.contains(name) || hasBlockInside(e)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs of whitespace (no-break spaces too) as one space, trimmed. */
  static String collapse(String text) {
    return text.replaceAll("[\\s\\u00A0\\u202F\\u2007\\u2009]+", " ").strip();
  }

  static String text(Node node) {
    return node.getTextContent();
  }

  static List<String> texts(List<Element> elements) {
    return elements.stream().map(e -> collapse(text(e))).toList();
  }

  static List<Element> byClass(Node root, String cssClass) {
    List<Element> out = new ArrayList<>();
    NodeList all =
        root instanceof Document d
            ? d.getElementsByTagName("*")
            : ((Element) root).getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element only(Element root, String localName) {
    NodeList list = root.getElementsByTagNameNS(XHTML, localName);
    assertEquals(1, list.getLength(), "one " + localName);
    return (Element) list.item(0);
  }

  private static Element firstElement(Element root, String name) {
    NodeList list = root.getElementsByTagName(name);
    assertTrue(list.getLength() > 0, "no " + name);
    return (Element) list.item(0);
  }

  private static List<Element> childElements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }
}
