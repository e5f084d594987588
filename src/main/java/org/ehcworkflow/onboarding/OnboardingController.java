package org.ehcworkflow.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.AnswersBadInput;
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

  private final RegisterCsvImport csvImport;
  private final CurrentUser user;

  OnboardingController(RegisterCsvImport csvImport, CurrentUser user) {
    this.csvImport = csvImport;
    this.user = user;
  }

  @Operation(summary = "Onboard an existing register of plans from CSV",
      description = "Header: case_reference,council_reference,date_of_birth,year_group,setting_code,setting_name,"
          + "setting_upper_age,issue_date,last_review_date,contact_email. Each new plan enters the register and its "
          + "annual review starts with the right due date; invalid rows are reported by line; a case reference "
          + "already in the register is left unchanged, so the same file can be sent again safely.")
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  RegisterCsvImport.Report importCsv(@RequestBody String csv) {
    user.requireAdministrator();
    return csvImport.importCsv(csv);
  }
}
