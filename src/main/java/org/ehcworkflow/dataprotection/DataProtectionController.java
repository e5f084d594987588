package org.ehcworkflow.dataprotection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.ehcworkflow.audit.AuditTrail;

/** The audit trail (managers, administrators) and the subject access export (administrators only). */
@RestController
@Tag(name = "Data protection", description = "Audit trail and subject access export")
class DataProtectionController {

  private final AuditTrail audit;
  private final SubjectAccessExport export;
  private final CurrentUser user;

  DataProtectionController(AuditTrail audit, SubjectAccessExport export, CurrentUser user) {
    this.audit = audit;
    this.export = export;
    this.user = user;
  }

  @Operation(summary = "Who viewed or changed the case, and when")
  @Allowed(Roles.MANAGERS)
  @GetMapping("/api/cases/{caseReference}/audit")
  List<Map<String, Object>> audit(@PathVariable String caseReference) {
    return audit.forCase(caseReference);
  }

  @Operation(summary = "Everything held about the child of this case, as JSON (subject access request)",
      description = "Administrators only (the data protection officer's role); the export is itself audited.")
  @Allowed(Roles.ADMINISTRATORS)
  @GetMapping("/api/cases/{caseReference}/subject-access-export")
  ResponseEntity<Map<String, Object>> subjectAccessExport(@PathVariable String caseReference) {
    Map<String, Object> held = export.export(caseReference);
    if (held == null) {
      throw Refusal.notFound("caseReference " + caseReference + " is not a case or a plan");
    }
    audit.record(user.id(), AuditTrail.Action.EXPORTED, caseReference, "subject access export");
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"" + caseReference + "-subject-access.json\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(held);
  }
}
