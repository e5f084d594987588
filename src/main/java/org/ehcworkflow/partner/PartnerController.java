package org.ehcworkflow.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.ehcworkflow.security.AnswersBadInput;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner directory: read by coordinators and managers, kept by administrators. */
@RestController
@AnswersBadInput
@RequestMapping("/api/partners")
@Tag(name = "Partners", description = "Partner teams and settings that notices are sent to")
class PartnerController {

  private final PartnerDirectory directory;
  private final PartnerCsvImport csvImport;

  PartnerController(PartnerDirectory directory, PartnerCsvImport csvImport) {
    this.directory = directory;
    this.csvImport = csvImport;
  }

  /** An entry as submitted. */
  record PartnerInput(String partnerType, String code, String ukprn, String organisationName, String email,
      String phone, Boolean active) {
  }

  @Allowed({Roles.COORDINATORS, Roles.MANAGERS})
  @GetMapping
  List<Partner> list() {
    return directory.all();
  }

  @Operation(summary = "Add a partner, or update the one with the same type and code")
  @Allowed(Roles.ADMINISTRATORS)
  @PostMapping
  ResponseEntity<Partner> add(@RequestBody PartnerInput input) {
    Partner partner = toPartner(null, input);
    boolean added = directory.save(partner);
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(partner);
  }

  @Operation(summary = "Change a partner (set active to false to stop sending to it)")
  @Allowed(Roles.ADMINISTRATORS)
  @PutMapping("/{id}")
  ResponseEntity<Partner> change(@PathVariable long id, @RequestBody PartnerInput input) {
    if (directory.byId(id).isEmpty()) {
      throw Refusal.notFound("id " + id + " is not a partner");
    }
    directory.save(toPartner(id, input));
    return ResponseEntity.of(directory.byId(id));
  }

  @Operation(summary = "Import partners from CSV",
      description = "Header: partner_type,code,organisation_name,email,phone,active, optionally followed by ukprn. "
          + "Valid rows are added or "
          + "updated by type and code; invalid rows are reported with their line number and change nothing.")
  @Allowed(Roles.ADMINISTRATORS)
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  PartnerCsvImport.Report importCsv(@RequestBody String csv) {
    return csvImport.importCsv(csv);
  }

  private static Partner toPartner(Long id, PartnerInput input) {
    return Partner.of(id, input.partnerType(), input.code(), input.ukprn(), input.organisationName(), input.email(),
        input.phone(), input.active());
  }

  @ExceptionHandler(Partner.InvalidPartner.class)
  ResponseEntity<ProblemDetail> invalid(Partner.InvalidPartner e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("problems", e.problems());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> clash() {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "another partner of that type already has that code"));
  }
}
