package org.ehcworkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every document type rendered and read back: real text, tagged headings, PDF/A, embedded fonts, the DRAFT rules. */
class PdfRendererTest {

  static final String CASE = "EHC-2026-00042";
  final PdfRenderer renderer = new PdfRenderer();

  @ParameterizedTest(name = "{0}")
  @EnumSource(DocumentType.class)
  void everyDocumentIsAccessiblePdfHeadedWithItsCaseAndVersion(DocumentType type) throws IOException {
    byte[] pdf = renderer.render(content(type, sections()));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Case reference " + CASE).contains(type.title()).contains("version 3");
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged PDF").isTrue();
      assertThat(headings(document)).contains("H1").contains("H2");
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray());
      assertThat(xmp).as("PDF/A-3u identification").contains("pdfaid:part").contains("3");
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
      if (type.appealable()) {
        assertThat(text).contains("Your rights").contains("First-tier Tribunal");
      }
      if (type.isPlan()) {
        assertThat(text).contains("Section B: Special educational needs").contains("Needs speech and language support");
      }
    }
  }

  @Test
  void aDraftCarriesTheDraftMarkAndNamesNoSetting() throws IOException {
    String draft = text(renderer.render(content(DocumentType.DRAFT_PLAN, sections())));
    assertThat(draft).contains("DRAFT").contains("Section I: Placement")
        .contains("A draft plan does not name a school").doesNotContain("Oak Primary School");
    String finalPlan = text(renderer.render(content(DocumentType.FINAL_PLAN, sections())));
    assertThat(finalPlan).contains("Oak Primary School").doesNotContain("DRAFT");
  }

  @Test
  void aNoticeOfProposedAmendmentsShowsTheChangesSectionBySection() throws IOException {
    Map<PlanSection, String> before = sections();
    Map<PlanSection, String> after = new EnumMap<>(before);
    after.put(PlanSection.F, "Speech and language therapy, 2 hours a week.");
    after.remove(PlanSection.J);
    PdfRenderer.Content content = new PdfRenderer.Content(CASE, DocumentType.PROPOSED_AMENDMENTS, 1, 4, "2026-03-30",
        Map.of(), after, SectionChange.between(before, after));
    String text = text(renderer.render(content));
    assertThat(text).contains("The changes we propose").contains("Section F: Special educational provision (changed)")
        .contains("2 hours a week").contains("Section J: Personal budget (removed)").contains("plan version 4");
  }

  private static PdfRenderer.Content content(DocumentType type, Map<PlanSection, String> sections) {
    return new PdfRenderer.Content(CASE, type, 3, type.isPlan() ? 2 : null, "2026-05-25",
        Map.of("Request received", "2026-01-05", "Final EHC plan issued", "2026-05-25 (SEND Regs 2014 reg 13(2))"),
        type.isPlan() ? sections : Map.of(), List.of());
  }

  private static Map<PlanSection, String> sections() {
    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    sections.put(PlanSection.A, "Enjoys drawing & football.\n\nWants to be a vet.");
    sections.put(PlanSection.B, "Needs speech and language support <in class>.");
    sections.put(PlanSection.F, "Speech and language therapy, 1 hour a week.");
    sections.put(PlanSection.I, "Oak Primary School");
    sections.put(PlanSection.J, "None requested.");
    return sections;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static List<String> headings(PDDocument document) {
    List<String> types = new ArrayList<>();
    collect(document.getDocumentCatalog().getStructureTreeRoot(), types);
    return types;
  }

  private static void collect(PDStructureNode node, List<String> types) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        types.add(element.getStructureType());
        collect(element, types);
      }
    }
  }
}
