package org.ehcworkflow.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ehcworkflow.process.EngineClock;

/** One plan in the register with its history: coordinators and managers only. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "The register of maintained EHC plans")
class PlanController {

  private final PlanRegister register;

  PlanController(PlanRegister register) {
    this.register = register;
  }

  /** A plan as officers see it: the year group and next transfer worked out for today. */
  record PlanView(Plan plan, int yearGroupNow, String yearGroupLabel, String transferOnLeavingSetting,
      List<PlanEvent> history) {
  }

  @Operation(summary = "A plan in the register, with its year group, next phase transfer and history")
  @Allowed({Roles.COORDINATORS, Roles.MANAGERS})
  @GetMapping("/{caseReference}")
  ResponseEntity<PlanView> plan(@PathVariable String caseReference) {
    return ResponseEntity.of(register.find(caseReference).map(plan -> {
      int yearGroup = plan.yearGroupIn(SchoolYears.schoolYearOf(EngineClock.today()));
      return new PlanView(plan, yearGroup, SchoolYears.label(yearGroup),
          plan.transferOnLeaving().map(t -> t.title()).orElse(null), register.history(caseReference));
    }));
  }
}
