package org.ehcworkflow.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.ehcworkflow.security.AnswersBadInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures for reporting tools (HTTP Basic): managers only, the same numbers Cockpit shows. */
@RestController
@AnswersBadInput
@RequestMapping("/api/timeliness")
@Tag(name = "Timeliness", description = "Statutory deadlines due, breached, and met on time")
class TimelinessController {

  private final TimelinessReport report;

  TimelinessController(TimelinessReport report) {
    this.report = report;
  }

  @Operation(summary = "Open deadlines due within 7 days and breached, and on-time rates for a period",
      description = "from and to (YYYY-MM-DD) default to the calendar year so far.")
  @Allowed(Roles.MANAGERS)
  @GetMapping
  TimelinessReport.Report timeliness(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return report.report(EngineClock.today(), from, to);
  }
}
