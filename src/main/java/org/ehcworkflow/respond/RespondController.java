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
 * The advice giver's page behind a secure link ({@code /respond/{token}}): what is asked and by when, a box for the
 * advice and a PDF upload. No account: the link is the credential, for this one request, until it is used or
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
    return Pages.answer(HttpStatus.OK, form(token, request, Map.of(), "", ""));
  }

  @PostMapping(path = "/respond/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> send(@PathVariable String token, @RequestParam(name = "advice", required = false) String text,
      @RequestParam(name = "response", required = false) String response,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    byte[] pdf = file == null || file.isEmpty() ? null : file.getBytes();
    try {
      RequestsByLink.Sent done = requests.submit(token, new RequestsByLink.Answer(text, pdf, response));
      Optional<StoredDocument> kept = done.kept();
      String sent = done.asked() == Asked.CONSULTATION ? "Reply sent" : "Advice sent";
      return Pages.answer(HttpStatus.OK, Pages.page(serviceName, sent, false, """
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">%s</h1>
            <div class="govuk-panel__body">Thank you. It is now part of the assessment.</div>
          </div>
          <p class="govuk-body">The coordinator can see it straight away. %s You do not need to do anything else;
            this link no longer works.</p>
          """.formatted(sent, kept.map(d -> "We kept your PDF with the fingerprint (SHA-256) <span class=\"govuk-!-font-weight-bold\">"
              + Pages.esc(d.checksum()) + "</span>.").orElse(""))));
    } catch (RequestsByLink.Invalid invalid) {
      return Pages.answer(HttpStatus.BAD_REQUEST, form(token, invalid.request(), invalid.byField(), text == null ? "" : text,
          response == null ? "" : response));
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
      case USED, ANSWERED -> Pages.answer(HttpStatus.CONFLICT, Pages.page(serviceName, "Advice already sent", false,
          Pages.message("This request has been answered", "The advice for this request has already been received, "
              + "so this link no longer works. Reply to the email if you need to add something.")));
      case OPEN -> throw new IllegalStateException("an open link is not closed");
    };
  }

  private String form(String token, Request request, Map<String, String> problems, String text, String response) {
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
    return """
          <div class="govuk-form-group%s">
            <label class="govuk-label govuk-label--m" for="file">Attach a report (optional)</label>
            <div id="file-hint" class="govuk-hint">A PDF, smaller than 10 MB.</div>
            %s
            <input class="govuk-file-upload%s" id="file" name="file" type="file" accept="application/pdf,.pdf" aria-describedby="file-hint%s">
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", Pages.fieldError("file", problem),
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
