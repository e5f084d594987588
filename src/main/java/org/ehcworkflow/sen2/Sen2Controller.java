package org.ehcworkflow.sen2;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.IsoDates;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.process.TaskInputs;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SEN2 return for managers and administrators, and the SEN2 items coordinators record for a child. The return
 * holds every child's personal data: each download is in the audit trail.
 */
@RestController
@Tag(name = "SEN2", description = "The DfE's SEN2 return and the items it needs")
class Sen2Controller {

  private final Sen2Returns returns;
  private final JdbcSen2 store;
  private final CurrentUser user;
  private final AuditTrail audit;

  Sen2Controller(Sen2Returns returns, JdbcSen2 store, CurrentUser user, AuditTrail audit) {
    this.returns = returns;
    this.store = store;
    this.user = user;
    this.audit = audit;
  }

  record ValidationReport(LocalDate census, int persons, int failing, List<Sen2Validation.Problem> problems) {
  }

  @Operation(summary = "The SEN2 return for a census date",
      description = "format=xml (default): the DfE's XML, one file; format=csv with module=one of the modules: that "
          + "module for checking; format=validation: each record that would fail, by case reference, with its rule.")
  @Allowed({Roles.MANAGERS, Roles.ADMINISTRATORS})
  @GetMapping("/api/returns/sen2")
  ResponseEntity<?> sen2(@RequestParam(required = false) String census,
      @RequestParam(defaultValue = "xml") String format, @RequestParam(required = false) String module) {
    if (census == null || census.isBlank()) {
      throw Refusal.invalid("census is required, as YYYY-MM-DD (the census day, for example 2027-01-21)");
    }
    LocalDate day = TaskInputs.rejectInvalid(() -> IsoDates.parse("census", census));
    if (!List.of("xml", "csv", "validation").contains(format)) {
      throw Refusal.invalid("format '" + format + "' is not one of [xml, csv, validation]");
    }
    if (format.equals("csv") && (module == null || !Sen2Files.MODULES.contains(module))) {
      throw Refusal.invalid("module " + (module == null ? "is required with format=csv" : "'" + module + "' is not")
          + ": one of " + Sen2Files.MODULES);
    }
    Sen2Return.Return sen2 = returns.build(day);
    audit.record(user.id(), AuditTrail.Action.EXPORTED, "SEN2-" + day, "GET /api/returns/sen2 " + format
        + (module == null ? "" : " " + module) + " (" + sen2.persons().size() + " persons)");
    String name = "sen2-" + day;
    return switch (format) {
      case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv"))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + module + ".csv\"")
          .body(returns.csv(sen2).get(module));
      case "validation" -> {
        List<Sen2Validation.Problem> problems = returns.validation(sen2);
        yield ResponseEntity.ok(new ValidationReport(day, sen2.persons().size(),
            (int) problems.stream().map(Sen2Validation.Problem::caseReference).distinct().count(), problems));
      }
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xml\"")
          .body(returns.xml(sen2));
    };
  }

  @Operation(summary = "The SEN2 items recorded for a child")
  @Allowed({Roles.COORDINATORS, Roles.MANAGERS})
  @GetMapping("/api/cases/{caseReference}/sen2")
  ResponseEntity<Sen2Details> details(@PathVariable String caseReference) {
    if (!store.known(caseReference)) {
      throw Refusal.notFound("caseReference " + caseReference + " is not a case or a plan");
    }
    audit.record(user.id(), AuditTrail.Action.VIEWED, caseReference, "GET /api/cases/" + caseReference + "/sen2");
    return ResponseEntity.ok(store.details(caseReference).orElse(Sen2Details.NONE));
  }

  @Operation(summary = "Record the SEN2 items for a child",
      description = "Replaces what was recorded. Every code is checked against the DfE code lists in the mapping; 400 "
          + "names the field at fault and changes nothing.")
  @Allowed(Roles.COORDINATORS)
  @PutMapping("/api/cases/{caseReference}/sen2")
  ResponseEntity<Map<String, Object>> record(@PathVariable String caseReference, @RequestBody Sen2Details body) {
    if (body == null) {
      throw Refusal.invalid("the SEN2 items are required");
    }
    if (!store.known(caseReference)) {
      throw Refusal.notFound("caseReference " + caseReference + " is not a case or a plan");
    }
    Sen2Details checked = body.checked(returns.mapping());
    boolean changed = store.save(caseReference, checked, EngineClock.today(), user.id());
    if (changed) {
      audit.record(user.id(), AuditTrail.Action.CHANGED, caseReference, "PUT /api/cases/" + caseReference + "/sen2");
    }
    return ResponseEntity.ok(Map.of("caseReference", caseReference, "changed", changed, "details", checked));
  }
}
