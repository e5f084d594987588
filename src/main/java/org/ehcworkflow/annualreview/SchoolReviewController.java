package org.ehcworkflow.annualreview;

import org.ehcworkflow.security.AnySignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.partner.Partner;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A school's review tray for its signed-in staff (HTTP Basic or the Tasklist session): their own settings only. */
@AnySignedInUser(narrowedBy = "the settings whose groups the user is in: a SENCO sees their own setting only")
@RestController
@Tag(name = "Schools", description = "A school's annual reviews due this term and next")
class SchoolReviewController {

  private final SchoolReviewTray tray;
  private final PartnerDirectory partners;
  private final CurrentUser user;
  private final AuditTrail audit;

  SchoolReviewController(SchoolReviewTray tray, PartnerDirectory partners, CurrentUser user, AuditTrail audit) {
    this.tray = tray;
    this.partners = partners;
    this.user = user;
    this.audit = audit;
  }

  @Operation(summary = "The signed-in school's annual reviews due this term and next, and those already late",
      description = "For the staff of a school or setting (members of its setting group): each review with its "
          + "open steps and deadlines and the school's own tasks. 403 for anyone who works for no setting.")
  @GetMapping("/api/schools/reviews")
  SchoolReviewTray.Tray reviews() {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Partner setting : partners.settings()) {
      String group = SettingGroups.groupOf(setting.code());
      if (group != null && user.groups().contains(group)) {
        settings.put(setting.code(), setting.organisationName());
      }
    }
    if (settings.isEmpty()) {
      throw new CurrentUser.Forbidden();
    }
    SchoolReviewTray.Tray reviews = tray.tray(settings.keySet(), EngineClock.today(), settings::get);
    reviews.reviews().forEach(review -> audit.record(user.id(), AuditTrail.Action.VIEWED, review.caseReference(),
        "school review tray"));
    return reviews;
  }
}
