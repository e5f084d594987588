package org.ehcworkflow.respond;

import org.ehcworkflow.security.NoAccount;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ehcworkflow.document.Documents.StoredDocument;
import org.ehcworkflow.govuk.Pages;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.respond.RequestsByLink.Request;
import org.ehcworkflow.respond.RequestsByLink.State;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The partner's page behind a secure link ({@code /respond/{token}}): what is asked and by when, a box for the
 * advice (the school's reply, the review report with its meeting day and recommendation) and a PDF upload. No account: the link is the credential, for this one request, until it is used or
 * expires. An unknown (or tampered), expired or used link gets a page that says so and changes nothing.
 */
@NoAccount(checkedBy = "the secure link's token: one request, unguessable, expiring")
@Controller
class RespondController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final RequestsByLink requests;
  private final String serviceName;

  RespondController(RequestsByLink requests, @Value("${ehc.respond.service-name:EHC needs assessment}") String serviceName) {
    this.requests = requests;
    this.serviceName = serviceName;
  }

  @GetMapping(path = "/respond/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String token) {
    Request request = requests.open(token);
    if (request.state() != State.OPEN) {
      return closed(request.state());
    }
    return Pages.answer(HttpStatus.OK, form(token, request, Map.of(), Typed.NOTHING));
  }

  /** What was typed, to show it again beside the problems. */
  private record Typed(String text, String response, String day, String month, String year, boolean adulthood) {
    static final Typed NOTHING = new Typed("", "", "", "", "", false);

    static String of(String value) {
      return value == null ? "" : value;
    }
  }

  @PostMapping(path = "/respond/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> send(@PathVariable String token, @RequestParam(name = "advice", required = false) String text,
      @RequestParam(name = "response", required = false) String response,
      @RequestParam(name = "heldOn-day", required = false) String day,
      @RequestParam(name = "heldOn-month", required = false) String month,
      @RequestParam(name = "heldOn-year", required = false) String year,
      @RequestParam(name = "adulthood", required = false) String adulthood,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    byte[] pdf = file == null || file.isEmpty() ? null : file.getBytes();
    boolean covered = "yes".equals(adulthood);
    try {
      RequestsByLink.Sent done = requests.submit(token, new RequestsByLink.Answer(text, pdf, response, day, month,
          year, covered));
      Optional<StoredDocument> kept = done.kept();
      String sent = switch (done.asked()) {
        case CONSULTATION -> "Reply sent";
        case REVIEW_REPORT -> "Review report sent";
        case ADVICE -> "Advice sent";
      };
      return Pages.answer(HttpStatus.OK, Pages.page(serviceName, sent, false, """
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">%s</h1>
            <div class="govuk-panel__body">Thank you. It is now part of the case.</div>
          </div>
          <p class="govuk-body">The coordinator can see it straight away. %s You do not need to do anything else;
            this link no longer works.</p>
          """.formatted(sent, kept.map(d -> "We kept your PDF with the fingerprint (SHA-256) <span class=\"govuk-!-font-weight-bold govuk-!-text-break-word\">"
              + Pages.esc(d.checksum()) + "</span>.").orElse(""))));
    } catch (RequestsByLink.Invalid invalid) {
      return Pages.answer(HttpStatus.BAD_REQUEST, form(token, invalid.request(), invalid.byField(), new Typed(
          Typed.of(text), Typed.of(response), Typed.of(day), Typed.of(month), Typed.of(year), covered)));
    } catch (Refusal refused) {
      return closed(requests.state(token));
    }
  }

  private ResponseEntity<String> closed(State state) {
    return switch (state) {
      case UNKNOWN -> Pages.answer(HttpStatus.NOT_FOUND, Pages.page(serviceName, "Link not recognised", false,
          Pages.message("This link is not recognised", "Check you copied the whole link from the email. If it still "
              + "does not work, reply to the email and the coordinator will send you a new one.")));
      case EXPIRED -> Pages.answer(HttpStatus.GONE, Pages.page(serviceName, "Link expired", false,
          Pages.message("This link has expired", "Reply to the email and the coordinator will tell you how to send "
              + "your advice.")));
      case USED, ANSWERED -> Pages.answer(HttpStatus.CONFLICT, Pages.page(serviceName, "Already answered", false,
          Pages.message("This request has been answered", "The answer to this request has already been received, "
              + "so this link no longer works. Reply to the email if you need to add something.")));
      case OPEN -> throw new IllegalStateException("an open link is not closed");
    };
  }

  private String form(String token, Request request, Map<String, String> problems, Typed typed) {
    if (request.asked() == Asked.REVIEW_REPORT) {
      return reportForm(token, request, problems, typed);
    }
    String text = typed.text();
    String response = typed.response();
    String due = request.due() == null || request.due().equals("null") ? "" : java.time.LocalDate.parse(request.due())
        .format(DAY);
    String lastDay = request.expiresAt().atZone(ZoneId.of("Europe/London")).minusDays(1).toLocalDate().format(DAY);
    boolean consultation = request.asked() == Asked.CONSULTATION;
    String intro = consultation ? """
        <span class="govuk-caption-l">Case %s</span>
        <h1 class="govuk-heading-l">Reply to the consultation</h1>
        <p class="govuk-body">The family has asked for %s to be named in the child's or young person's education,
          health and care (EHC) plan. Please tell us%s whether you can meet their needs. If we do not hear from you,
          we will go ahead without your reply.</p>
        """.formatted(Pages.esc(request.caseReference()), Pages.esc(request.askedOf()),
        due.isEmpty() ? "" : " by " + Pages.esc(due)) : """
        <span class="govuk-caption-l">Case %s</span>
        <h1 class="govuk-heading-l">Send your advice</h1>
        <p class="govuk-body">We are carrying out an education, health and care (EHC) needs assessment and have asked
          %s for advice. The law asks for it within 6 weeks of the request%s.</p>
        """.formatted(Pages.esc(request.caseReference()), Pages.esc(request.askedOf()),
        due.isEmpty() ? "" : ": please send it by " + Pages.esc(due));
    String choice = consultation ? radios(problems.get("response"), response) : "";
    String body = (problems.isEmpty() ? "" : Pages.errorSummary(problems)) + intro + """
        <p class="govuk-body">%s Use the case reference, not the child's name, in any file name. This link works
          once, until %s.</p>
        <form method="post" enctype="multipart/form-data" action="/respond/%s" novalidate>
        %s
        %s
        %s
          <button type="submit" class="govuk-button" data-module="govuk-button">%s</button>
        </form>
        """.formatted(consultation ? "Give your reasons if you cannot, in the box or as a PDF."
            : "Write your advice below, or attach it as a PDF, or both.", Pages.esc(lastDay), Pages.esc(token),
        choice, textarea(consultation ? "Your reasons or comments" : "Your advice", consultation
            ? "Why the school or college cannot meet the needs, or anything the coordinator should know."
            : "What the child or young person needs, and what would help.", problems.get("advice"), text),
        upload(problems.get("file")), consultation ? "Send reply" : "Send advice");
    return Pages.page(serviceName, consultation ? "Reply to the consultation" : "Send your advice", !problems.isEmpty(),
        body);
  }


  /** The review report: the day the meeting was held, its recommendation, and the report as text, a PDF or both. */
  private String reportForm(String token, Request request, Map<String, String> problems, Typed typed) {
    String due = request.due() == null || request.due().equals("null") ? "" : java.time.LocalDate.parse(request.due())
        .format(DAY);
    String lastDay = request.expiresAt().atZone(ZoneId.of("Europe/London")).minusDays(1).toLocalDate().format(DAY);
    String arranged = request.facts().getOrDefault("meetingDate", "null");
    boolean adulthood = "true".equals(request.facts().get("preparingForAdulthood"));
    String body = (problems.isEmpty() ? "" : Pages.errorSummary(problems)) + """
        <span class="govuk-caption-l">Case %s</span>
        <h1 class="govuk-heading-l">Send the annual review report</h1>
        <p class="govuk-body">The head teacher or principal of %s sends the report of the review meeting%s, with its
          recommendations, within 2 weeks of the meeting (SEND Regs 2014 regulation 20(7))%s.</p>
        <p class="govuk-body">Use the case reference, not the child's name, in any file name. This link works once,
          until %s.</p>
        <form method="post" enctype="multipart/form-data" action="/respond/%s" novalidate>
        %s
        %s
        %s
        %s
        %s
          <button type="submit" class="govuk-button" data-module="govuk-button">Send review report</button>
        </form>
        """.formatted(Pages.esc(request.caseReference()), Pages.esc(request.askedOf()), arranged.equals("null") ? ""
            : " arranged for " + Pages.esc(java.time.LocalDate.parse(arranged).format(DAY)),
        due.isEmpty() ? "" : ": please send it by " + Pages.esc(due), Pages.esc(lastDay), Pages.esc(token),
        dateInput(problems.get("heldOn-day"), typed), recommendation(problems.get("response"), typed.response()),
        adulthood ? adulthoodCheckbox(problems.get("adulthood"), typed.adulthood()) : "",
        textarea("Summary of the report and recommendations", "What the meeting found and recommends, and anything "
            + "the coordinator should know. Or attach the report below.", problems.get("advice"), typed.text()),
        upload(problems.get("file"), "Attach the review report (optional)"));
    return Pages.page(serviceName, "Send the annual review report", !problems.isEmpty(), body);
  }

  private static String dateInput(String problem, Typed typed) {
    String error = problem == null ? "" : " govuk-input--error";
    return """
          <div class="govuk-form-group%s">
            <fieldset class="govuk-fieldset" role="group" aria-describedby="heldOn-hint%s">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 class="govuk-fieldset__heading">When was the meeting held?</h2>
              </legend>
              <div id="heldOn-hint" class="govuk-hint">For example, 27 3 2027</div>
              %s
              <div class="govuk-date-input" id="heldOn">
                <div class="govuk-date-input__item"><div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for="heldOn-day">Day</label>
                  <input class="govuk-input govuk-date-input__input govuk-input--width-2%s" id="heldOn-day" name="heldOn-day" type="text" inputmode="numeric" value="%s">
                </div></div>
                <div class="govuk-date-input__item"><div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for="heldOn-month">Month</label>
                  <input class="govuk-input govuk-date-input__input govuk-input--width-2%s" id="heldOn-month" name="heldOn-month" type="text" inputmode="numeric" value="%s">
                </div></div>
                <div class="govuk-date-input__item"><div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for="heldOn-year">Year</label>
                  <input class="govuk-input govuk-date-input__input govuk-input--width-4%s" id="heldOn-year" name="heldOn-year" type="text" inputmode="numeric" value="%s">
                </div></div>
              </div>
            </fieldset>
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", problem == null ? "" : " heldOn-error",
        Pages.fieldError("heldOn", problem), error, Pages.esc(typed.day()), error, Pages.esc(typed.month()), error,
        Pages.esc(typed.year()));
  }

  private static String recommendation(String problem, String chosen) {
    StringBuilder items = new StringBuilder();
    String[][] choices = {{"maintain", "Keep the plan as it is"}, {"amend", "Amend the plan"},
        {"cease", "Cease the plan"}};
    for (int i = 0; i < choices.length; i++) {
      String id = i == 0 ? "response" : "response-" + (i + 1);
      items.append("""
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="%s" name="response" type="radio" value="%s"%s>
                  <label class="govuk-label govuk-radios__label" for="%s">%s</label>
                </div>
          """.formatted(id, choices[i][0], choices[i][0].equals(chosen) ? " checked" : "", id, choices[i][1]));
    }
    return """
          <div class="govuk-form-group%s">
            <fieldset class="govuk-fieldset"%s>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 class="govuk-fieldset__heading">What does the meeting recommend?</h2>
              </legend>
              %s
              <div class="govuk-radios" data-module="govuk-radios">
              %s
              </div>
            </fieldset>
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error",
        problem == null ? "" : " aria-describedby=\"response-error\"", Pages.fieldError("response", problem), items);
  }

  private static String adulthoodCheckbox(String problem, boolean checked) {
    return """
          <div class="govuk-form-group%s">
            <fieldset class="govuk-fieldset" aria-describedby="adulthood-hint%s">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 class="govuk-fieldset__heading">Preparing for adulthood</h2>
              </legend>
              <div id="adulthood-hint" class="govuk-hint">From year 9 the review covers employment, independent
                living, community and health (SEND Regs 2014 regulation 20(6)).</div>
              %s
              <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                  <input class="govuk-checkboxes__input" id="adulthood" name="adulthood" type="checkbox" value="yes"%s>
                  <label class="govuk-label govuk-checkboxes__label" for="adulthood">The review covered preparing for adulthood</label>
                </div>
              </div>
            </fieldset>
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", problem == null ? "" : " adulthood-error",
        Pages.fieldError("adulthood", problem), checked ? " checked" : "");
  }

  private static String radios(String problem, String chosen) {
    return """
          <div class="govuk-form-group%s">
            <fieldset class="govuk-fieldset" aria-describedby="response-hint%s">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 class="govuk-fieldset__heading">Can the school or college be named?</h2>
              </legend>
              <div id="response-hint" class="govuk-hint">Children and Families Act 2014, sections 39 and 40.</div>
              %s
              <div class="govuk-radios" data-module="govuk-radios">
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="response" name="response" type="radio" value="agreed"%s>
                  <label class="govuk-label govuk-radios__label" for="response">Yes, we can meet the needs and agree to be named</label>
                </div>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="response-2" name="response" type="radio" value="declined"%s>
                  <label class="govuk-label govuk-radios__label" for="response-2">No, we cannot meet the needs</label>
                </div>
              </div>
            </fieldset>
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", problem == null ? "" : " response-error",
        Pages.fieldError("response", problem), "agreed".equals(chosen) ? " checked" : "", "declined".equals(chosen) ? " checked" : "");
  }

  private static String textarea(String label, String hint, String problem, String text) {
    return """
          <div class="govuk-form-group%s">
            <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="advice">%s</label></h2>
            <div id="advice-hint" class="govuk-hint">%s</div>
            %s
            <textarea class="govuk-textarea%s" id="advice" name="advice" rows="10" aria-describedby="advice-hint%s">%s</textarea>
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", Pages.esc(label), Pages.esc(hint),
        Pages.fieldError("advice", problem), problem == null ? "" : " govuk-textarea--error", problem == null ? "" : " advice-error",
        Pages.esc(text));
  }

  private static String upload(String problem) {
    return upload(problem, "Attach a report (optional)");
  }

  private static String upload(String problem, String label) {
    return """
          <div class="govuk-form-group%s">
            <label class="govuk-label govuk-label--m" for="file">%s</label>
            <div id="file-hint" class="govuk-hint">A PDF, smaller than 10 MB.</div>
            %s
            <input class="govuk-file-upload%s" id="file" name="file" type="file" accept="application/pdf,.pdf" aria-describedby="file-hint%s">
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", Pages.esc(label), Pages.fieldError("file", problem),
        problem == null ? "" : " govuk-file-upload--error", problem == null ? "" : " file-error");
  }


  /** A file over the upload limit is refused before it reaches the controller: the same page says so. */
  @ControllerAdvice
  static class TooLarge {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
      return Pages.answer(HttpStatus.PAYLOAD_TOO_LARGE, Pages.page("EHC needs assessment", "File too large", true,
          Pages.message("The file is too large", "The file must be smaller than 10 MB. Go back and choose a smaller "
              + "PDF, or write your advice in the box instead.")));
    }
  }
}
