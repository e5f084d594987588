package org.ehcworkflow.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.ReportPeriod;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.quality.PlanQuality.Assessment;
import org.ehcworkflow.quality.PlanQuality.Stage;
import org.ehcworkflow.security.AnswersBadInput;
import org.ehcworkflow.security.CaseAccess;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.AnySignedInUser;
import org.ehcworkflow.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan editor's findings as the officer writes, and the managers' quality figures for reporting tools. */
@RestController
@AnswersBadInput
@Tag(name = "Plan quality", description = "Plan quality rules: findings while writing, grades of issued plans")
class QualityController {

  private final QualityCheck check;
  private final QualityReport report;
  private final CaseAccess access;

  QualityController(QualityCheck check, QualityReport report, CaseAccess access) {
    this.check = check;
    this.report = report;
    this.access = access;
  }

  /**
   * @param kLines section K's lines for the advice the case received, to fill it from the case
   */
  record Findings(String stage, Assessment assessment, List<String> kLines) {
  }

  @Operation(summary = "The plan's working copy checked against the plan quality rules",
      description = "stage: draft (default) or final. Each finding names its section, its rule and its source; "
          + "blocking findings need a recorded reason before the draft is served or the final issued.")
  @AnySignedInUser(narrowedBy = "CaseAccess: the case's officers, managers and the partners the case asked")
  @GetMapping("/api/plans/{caseReference}/quality")
  Findings quality(@PathVariable String caseReference, @RequestParam(defaultValue = "draft") String stage) {
    access.requireCase(caseReference);
    Stage asked = switch (stage.toLowerCase(java.util.Locale.ROOT)) {
      case "draft" -> Stage.DRAFT;
      case "final" -> Stage.FINAL;
      default -> throw Refusal.invalid("stage must be draft or final, got '" + stage + "'");
    };
    return new Findings(asked.name(), check.workingCopy(caseReference, asked),
        check.adviceReceived(caseReference).stream().map(PlanQuality::kLine).toList());
  }

  @Operation(summary = "Grades of the plans issued in a period: overall, by team, by setting and by month",
      description = "Managers only. from and to (YYYY-MM-DD) default to the calendar year so far.")
  @Allowed(Roles.MANAGERS)
  @GetMapping("/api/quality")
  QualityReport.Report grades(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return report.report(ReportPeriod.parse(EngineClock.today(), from, to));
  }
}
