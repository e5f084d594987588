package org.ehcworkflow.respond;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.ehcworkflow.annualreview.SchoolReviewTray;
import org.ehcworkflow.govuk.Pages;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.security.NoAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A school's review tray for staff without an account ({@code /respond/school}): ask for a link by the school's
 * URN, which goes to the school's own address; the link opens the tray for a week; a review waiting for its report
 * opens the review-report page. No script, like every public page.
 */
@NoAccount(checkedBy = "the tray link's token, sent to the school's own address: one setting, unguessable, expiring")
@Controller
class SchoolTrayController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final String SERVICE = "EHC plans: annual reviews";
  private static final String FOOTER = "This page is for the staff of the school the link was sent to. Do not "
      + "forward its link outside the school.";

  private final SchoolTrayByLink trays;

  SchoolTrayController(SchoolTrayByLink trays) {
    this.trays = trays;
  }

  @GetMapping(path = "/respond/school", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> askPage() {
    return Pages.answer(HttpStatus.OK, askForm(null, ""));
  }

  @PostMapping(path = "/respond/school", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> ask(@RequestParam(name = "urn", required = false) String urn) {
    try {
      trays.request(urn);
    } catch (Refusal refused) {
      if (refused.kind() == Refusal.Kind.CONFLICT) {
        return Pages.answer(HttpStatus.TOO_MANY_REQUESTS, page("Too many requests", Pages.message(
            "A link was sent to the school several times in the last hour", "Look for it in the school's email. "
                + "You can ask for another in an hour.")));
      }
      return Pages.answer(HttpStatus.BAD_REQUEST, askForm(refused.problems().get(0).replaceFirst("^urn: ", ""),
          urn == null ? "" : urn));
    }
    return Pages.answer(HttpStatus.OK, page("Check the school's email", """
        <h1 class="govuk-heading-l">Check the school's email</h1>
        <p class="govuk-body">If %s is a school or setting in our directory, we have sent a link to its address
          with us. The link opens the school's annual reviews for a week.</p>
        <p class="govuk-body">If nothing arrives, ask the SEND team to check the school's address.</p>
        """.formatted(Pages.esc(urn.trim()))));
  }

  @GetMapping(path = "/respond/school/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> tray(@PathVariable String token) {
    try {
      return Pages.answer(HttpStatus.OK, trayPage(token, trays.open(token)));
    } catch (SchoolTrayByLink.NotOpen closed) {
      return closed(closed.why());
    }
  }

  @PostMapping(path = "/respond/school/{token}/report/{caseReference}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> report(@PathVariable String token, @PathVariable String caseReference) {
    try {
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .header("Location", "/respond/" + trays.reportLink(token, caseReference)).build();
    } catch (SchoolTrayByLink.NotOpen closed) {
      return closed(closed.why());
    } catch (Refusal refused) {
      return Pages.answer(HttpStatus.CONFLICT, page("Not waiting for a report", Pages.message(
          "This review is not waiting for its report", "The report may have been sent already, or the meeting "
              + "is not yet held. Go back to the school's reviews to see where it stands.")));
    }
  }

  private ResponseEntity<String> closed(SchoolTrayByLink.Closed why) {
    return why == SchoolTrayByLink.Closed.EXPIRED
        ? Pages.answer(HttpStatus.GONE, page("Link expired", Pages.message("This link has expired",
            "Ask for a new link at /respond/school: it goes to the school's email.")))
        : Pages.answer(HttpStatus.NOT_FOUND, page("Link not recognised", Pages.message("This link is not recognised",
            "Check you copied the whole link from the email, or ask for a new one at /respond/school.")));
  }

  private String askForm(String problem, String urn) {
    String body = (problem == null ? "" : Pages.errorSummary(Map.of("urn", problem))) + """
        <h1 class="govuk-heading-l">See your school's annual reviews</h1>
        <p class="govuk-body">We will email a link to your school's address with us. It opens the annual reviews of
          your pupils' EHC plans due this term and next, and any that are late, with no account or password.</p>
        <form method="post" action="/respond/school" novalidate>
          <div class="govuk-form-group%s">
            <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="urn">Your school's unique
              reference number (URN)</label></h2>
            <div id="urn-hint" class="govuk-hint">6 digits, from Get Information about Schools. For example, 100001</div>
            %s
            <input class="govuk-input govuk-input--width-10%s" id="urn" name="urn" type="text" inputmode="numeric"
              spellcheck="false" value="%s" aria-describedby="urn-hint%s">
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">Email the link</button>
        </form>
        """.formatted(problem == null ? "" : " govuk-form-group--error", Pages.fieldError("urn", problem),
        problem == null ? "" : " govuk-input--error", Pages.esc(urn), problem == null ? "" : " urn-error");
    return Pages.page(SERVICE, "See your school's annual reviews", problem != null, body, FOOTER, "");
  }

  private String trayPage(String token, SchoolTrayByLink.Opened tray) {
    StringBuilder rows = new StringBuilder();
    for (SchoolTrayByLink.Row row : tray.rows()) {
      SchoolReviewTray.Review review = row.review();
      StringBuilder steps = new StringBuilder();
      for (SchoolReviewTray.Step step : review.openSteps()) {
        steps.append("<li>").append(Pages.esc(step.title())).append(": by ").append(day(step.due()))
            .append(step.late() ? " <strong class=\"govuk-tag govuk-tag--red\">Late</strong>" : "").append("</li>");
      }
      String todo = row.reportDue() ? """
          <form method="post" action="/respond/school/%s/report/%s"><button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">Send the review report<span class="govuk-visually-hidden"> for %s</span></button></form>"""
          .formatted(Pages.esc(token), Pages.esc(review.caseReference()), Pages.esc(review.caseReference()))
          : review.openSteps().isEmpty() ? "Nothing yet" : "The SEND team will ask you when it is the school's turn";
      rows.append("""
          <div class="govuk-summary-card" data-case="%s">
            <div class="govuk-summary-card__title-wrapper">
              <h3 class="govuk-summary-card__title">Case %s%s</h3>
            </div>
            <div class="govuk-summary-card__content">
              <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Year</dt>
                  <dd class="govuk-summary-list__value">%s</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Review due</dt>
                  <dd class="govuk-summary-list__value">%s</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Where it stands</dt>
                  <dd class="govuk-summary-list__value">%s</dd></div>
                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">For your school to do</dt>
                  <dd class="govuk-summary-list__value">%s</dd></div>
              </dl>
            </div>
          </div>
          """.formatted(Pages.esc(review.caseReference()), Pages.esc(review.caseReference()), review.late()
              ? " <strong class=\"govuk-tag govuk-tag--red\">Late</strong>" : "",
          review.yearGroup() == null ? "Not recorded" : review.yearGroup() == 0 ? "Reception" : "Year " + review.yearGroup(),
          day(review.reviewDue()), steps.length() == 0 ? "Not started" : "<ul class=\"govuk-list\">" + steps + "</ul>",
          todo));
    }
    String table = tray.rows().isEmpty() ? "<p class=\"govuk-body\">No reviews are due this term or next, and none "
        + "is late.</p>" : """
        <h2 class="govuk-heading-m">%d reviews due by %s, or late</h2>
        %s
        """.formatted(tray.rows().size(), day(tray.through()), rows);
    String body = """
        <span class="govuk-caption-l">%s</span>
        <h1 class="govuk-heading-l">Your school's annual reviews</h1>
        <p class="govuk-body">The annual reviews of your pupils' EHC plans due this term and next, and any that are
          late, with what is asked of the school and by when. Children are named by their case reference only.
          This link works until %s.</p>
        %s
        """.formatted(Pages.esc(tray.settingName()), Pages.esc(tray.expiresAt().atZone(ZoneId.of("Europe/London"))
        .toLocalDate().format(DAY)), table);
    return Pages.page(SERVICE, "Your school's annual reviews", false, body, FOOTER, "");
  }

  private static String day(LocalDate day) {
    return day == null ? "" : Pages.esc(day.format(DAY));
  }

  private static String page(String title, String body) {
    return Pages.page(SERVICE, title, false, body, FOOTER, "");
  }
}
