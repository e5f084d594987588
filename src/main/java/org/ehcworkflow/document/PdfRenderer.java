package org.ehcworkflow.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders statutory documents to accessible PDF: tagged (PDF/UA) with a heading structure and real text, PDF/A-3u,
 * the fonts embedded. Each page is headed with the case reference and the document's version. A draft plan carries
 * the DRAFT mark and never names a school or other institution in section I (CFA 2014 s38(2)(b)).
 */
public class PdfRenderer {

  static final String FONT = "DejaVu Sans";
  static final String DRAFT_PLACEMENT = "A draft plan does not name a school or other institution. You may ask for "
      + "a particular school or college to be named when you reply (Children and Families Act 2014 s38).";
  static final String RIGHTS = """
      If you disagree with this decision you may contact a mediation adviser within 2 months of the date of this \
      notice (SEND Regulations 2014 reg 33), and appeal to the First-tier Tribunal (Special Educational Needs and \
      Disability) within 2 months of this notice, or 1 month from a mediation certificate if that is later. Free, \
      impartial information, advice and support is available from your local SEND information, advice and support \
      service.""";

  /**
   * What a document says.
   *
   * @param version the document's version within its case and type
   * @param planVersion the plan version a plan document renders, or null for a notice
   * @param sections the plan's sections (plan documents), or empty
   * @param changes the sections that change (a notice of proposed amendments), or empty
   */
  public record Content(String caseReference, DocumentType type, int version, Integer planVersion, String issuedOn,
      Map<String, String> facts, Map<PlanSection, String> sections, List<SectionChange> changes) {
  }

  public byte[] render(Content content) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
      builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
      builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
      builder.withProducer("ehc-workflow");
      builder.withHtmlContent(html(content), null);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the document could not be rendered", e);
    }
    return pdf.toByteArray();
  }

  private static InputStream font(String file) {
    InputStream stream = PdfRenderer.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/" + file);
    if (stream == null) {
      throw new IllegalStateException("font " + file + " is missing from the classpath (jasperreports-fonts)");
    }
    return stream;
  }

  /** The document as XHTML: headings give the PDF its structure tree. */
  static String html(Content c) {
    boolean draft = c.type() == DocumentType.DRAFT_PLAN;
    String version = c.planVersion() == null ? "version " + c.version()
        : "version " + c.version() + " (plan version " + c.planVersion() + ")";
    StringBuilder h = new StringBuilder();
    h.append("<html lang=\"en-GB\"><head><title>").append(esc(c.type().title())).append(" – ")
        .append(esc(c.caseReference())).append("</title>")
        .append("<meta name=\"subject\" content=\"").append(esc(c.type().title())).append("\"/>")
        .append("<meta name=\"author\" content=\"Local authority SEND service\"/>")
        .append("<style>")
        .append("@page { size: A4; margin: 25mm 20mm 20mm 20mm; @top-left { content: element(header); } }")
        .append("body { font-family: '").append(FONT).append("'; font-size: 11pt; line-height: 1.4; }")
        .append("#header { position: running(header); font-size: 9pt; }")
        .append(".draft { font-size: 20pt; font-weight: bold; border: 2pt solid black; padding: 4pt; }")
        .append("h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 12pt; }")
        .append("table { border-collapse: collapse; } td, th { border: 0.5pt solid #444; padding: 3pt; text-align: left; }")
        .append("</style></head><body>");
    h.append("<div id=\"header\">Case reference ").append(esc(c.caseReference())).append(" · ")
        .append(esc(c.type().title())).append(" · ").append(esc(version)).append(draft ? " · DRAFT" : "")
        .append("</div>");
    if (draft) {
      h.append("<p class=\"draft\">DRAFT</p>");
    }
    h.append("<h1>").append(esc(c.type().title())).append("</h1>");
    h.append("<p>Case reference: ").append(esc(c.caseReference())).append("<br/>Document ").append(esc(version))
        .append("<br/>Date: ").append(esc(c.issuedOn())).append("</p>");
    if (!c.facts().isEmpty()) {
      h.append("<h2>Key dates and decisions</h2><table><tbody>");
      new TreeMap<>(c.facts()).forEach((name, value) -> h.append("<tr><th scope=\"row\">").append(esc(name))
          .append("</th><td>").append(esc(value)).append("</td></tr>"));
      h.append("</tbody></table>");
    }
    if (!c.changes().isEmpty()) {
      h.append("<h2>The changes we propose</h2>");
      for (SectionChange change : c.changes()) {
        h.append("<h3>Section ").append(change.section().name()).append(": ").append(esc(change.section().title()))
            .append(" (").append(change.change().name().toLowerCase()).append(")</h3>");
        if (change.after() != null) {
          paragraphs(h, change.after());
        } else {
          h.append("<p>This section would be removed.</p>");
        }
      }
    }
    if (!c.sections().isEmpty() || c.type().isPlan()) {
      h.append("<h2>The plan</h2>");
      for (PlanSection section : PlanSection.values()) {
        h.append("<h3>Section ").append(section.name()).append(": ").append(esc(section.title())).append("</h3>");
        String text = c.sections().get(section);
        if (draft && section == PlanSection.I) {
          h.append("<p>").append(esc(DRAFT_PLACEMENT)).append("</p>");
        } else if (text == null || text.isBlank()) {
          h.append("<p>Nothing recorded in this section.</p>");
        } else {
          paragraphs(h, text);
        }
      }
    }
    if (c.type().appealable()) {
      h.append("<h2>Your rights</h2><p>").append(esc(RIGHTS)).append("</p>");
    }
    h.append("</body></html>");
    return h.toString();
  }

  private static void paragraphs(StringBuilder h, String text) {
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      h.append("<p>").append(esc(paragraph.strip()).replaceAll("\\R", "<br/>")).append("</p>");
    }
  }

  static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
