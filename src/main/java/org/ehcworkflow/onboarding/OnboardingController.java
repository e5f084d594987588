package org.ehcworkflow.onboarding;

import java.net.URI;
import org.ehcworkflow.process.Refusal;
import org.springframework.http.ResponseEntity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.Roles;
import org.ehcworkflow.security.AnswersBadInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Onboarding an existing register of plans: administrators only. */
@RestController
@AnswersBadInput
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "The register of maintained EHC plans")
class OnboardingController {

  private final RegisterImports imports;
  private final CurrentUser user;

  OnboardingController(RegisterImports imports, CurrentUser user) {
    this.imports = imports;
    this.user = user;
  }

  /** The answer to an accepted file: where to follow its progress. */
  record Accepted(long id, String status, String progress) {
  }

  @Operation(summary = "Onboard an existing register of plans from CSV, in the background",
      description = "Header: case_reference,council_reference,date_of_birth,year_group,setting_code,setting_name,"
          + "setting_upper_age,issue_date,last_review_date,contact_email. Answers 202 at once with the import's id "
          + "(400 if the header is wrong); the plans are entered in committed chunks, each with its annual review "
          + "and due date. Follow GET /api/plans/import/{id}. A case reference already in the register is left "
          + "unchanged, so the same file can be sent again safely; an import cut by a restart resumes.")
  @Allowed(Roles.ADMINISTRATORS)
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  ResponseEntity<Accepted> importCsv(@RequestBody String csv) {
    long id = imports.submit(csv, user.id());
    String progress = "/api/plans/import/" + id;
    return ResponseEntity.accepted().location(URI.create(progress)).body(new Accepted(id, "QUEUED", progress));
  }

  @Operation(summary = "An import's progress and, when it is done, its report",
      description = "Rows done of the total, plans imported, already in the register (unchanged), overdue reviews, "
          + "and each invalid row with its line number and reason.")
  @Allowed(Roles.ADMINISTRATORS)
  @GetMapping("/import/{id}")
  ResponseEntity<RegisterImports.Progress> progress(@PathVariable long id) {
    return imports.progress(id).map(ResponseEntity::ok)
        .orElseThrow(() -> Refusal.notFound("import " + id + " does not exist"));
  }
}
