package org.ehcworkflow.document;

import org.ehcworkflow.security.AnySignedInUser;
import org.ehcworkflow.process.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.security.CaseAccess;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.Roles;
import org.ehcworkflow.security.AnswersBadInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's documents and the plan's sections: who may see them is {@link CaseAccess}'s to say; who may write a
 * section is the section's ({@link PlanSection#editableBy}). Works with HTTP Basic and, for links opened from
 * Tasklist, with the webapp session (changes then need its CSRF token, from {@code /api/session/csrf-token}).
 */
@AnySignedInUser(narrowedBy = "CaseAccess: the case's officers, managers and the partners the case asked")
@RestController
@AnswersBadInput
@Tag(name = "Documents and plan", description = "Statutory documents of a case, and the plan's sections and versions")
class DocumentController {

  static final int MAX_SECTION_LENGTH = 20_000;

  private final Documents documents;
  private final PlanContent plans;
  private final CaseAccess access;

  DocumentController(Documents documents, PlanContent plans, CaseAccess access) {
    this.documents = documents;
    this.plans = plans;
    this.access = access;
  }

  @Operation(summary = "The case's documents with their versions and checksums")
  @GetMapping("/api/cases/{caseReference}/documents")
  List<Documents.DocumentInfo> list(@PathVariable String caseReference) {
    access.requireCaseDocuments(caseReference);
    return documents.list(caseReference);
  }

  @Operation(summary = "Download one document (PDF)")
  @GetMapping("/api/documents/{id}/content")
  ResponseEntity<byte[]> content(@PathVariable long id) {
    Documents.DocumentInfo document = documents.find(id).orElse(null);
    if (document == null) {
      throw Refusal.notFound("id " + id + " is not a document");
    }
    access.requireCaseDocuments(document.caseReference());
    String name = document.caseReference() + "-" + document.type().name().toLowerCase().replace('_', '-') + "-v"
        + document.version() + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
        .header("X-Checksum-SHA256", document.checksum())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(documents.content(id).orElseThrow());
  }

  /** A section of the plan's working copy, and whether the signed-in user may write it. */
  record SectionView(String section, String title, String text, boolean editable) {
  }

  @Operation(summary = "The plan's working copy, section by section")
  @GetMapping("/api/plans/{caseReference}/sections")
  List<SectionView> sections(@PathVariable String caseReference) {
    access.requireCase(caseReference);
    Map<PlanSection, String> copy = plans.workingCopy(caseReference);
    return Arrays.stream(PlanSection.values()).map(s -> new SectionView(s.name(), s.title(),
        copy.getOrDefault(s, ""), mayWrite(s))).toList();
  }

  record SectionText(String text) {
  }

  @Operation(summary = "Write one section of the plan's working copy",
      description = "Coordinators write every section, health C and G, social care D, H1 and H2. A body without "
          + "text is refused (400); an empty text clears the section.")
  @PutMapping("/api/plans/{caseReference}/sections/{section}")
  SectionView write(@PathVariable String caseReference, @PathVariable String section, @RequestBody SectionText body) {
    access.requireCase(caseReference);
    PlanSection planSection = PlanSection.parse(section);
    if (!mayWrite(planSection)) {
      throw new CurrentUser.Forbidden();
    }
    if (body == null || body.text() == null) {
      // A body without its text would otherwise empty the section: an empty text ("") clears it on purpose.
      throw new IllegalArgumentException("text is required (an empty text clears section " + planSection + ")");
    }
    String text = body.text();
    if (text.length() > MAX_SECTION_LENGTH) {
      throw new IllegalArgumentException("section " + planSection + " is longer than " + MAX_SECTION_LENGTH
          + " characters");
    }
    plans.write(caseReference, planSection, text, access.userId());
    return new SectionView(planSection.name(), planSection.title(), text, true);
  }

  @Operation(summary = "The plan's issued versions")
  @GetMapping("/api/plans/{caseReference}/versions")
  List<PlanContent.PlanVersion> versions(@PathVariable String caseReference) {
    access.requireCase(caseReference);
    return plans.versions(caseReference);
  }

  @Operation(summary = "What changed between two versions, section by section")
  @GetMapping("/api/plans/{caseReference}/versions/{from}/changes/{to}")
  ResponseEntity<List<SectionChange>> changes(@PathVariable String caseReference, @PathVariable int from,
      @PathVariable int to) {
    access.requireCase(caseReference);
    var before = plans.version(caseReference, from);
    var after = plans.version(caseReference, to);
    if (before.isEmpty()) {
      throw Refusal.notFound("from: plan " + caseReference + " has no version " + from);
    }
    if (after.isEmpty()) {
      throw Refusal.notFound("to: plan " + caseReference + " has no version " + to);
    }
    return ResponseEntity.ok(SectionChange.between(before.get(), after.get()));
  }

  private boolean mayWrite(PlanSection section) {
    List<String> groups = access.groups();
    return groups.contains(Roles.ADMINISTRATORS) || section.editableBy(groups);
  }
}
