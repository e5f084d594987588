package org.ehcworkflow.family;

import org.ehcworkflow.security.NoAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.govuk.Pages;
import org.ehcworkflow.partner.Partner;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.process.Refusal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The family's pages ({@code /family}), GOV.UK Design System, no script: sign in with a one-time code sent to the
 * contact email on the case, then the case page, comments on the draft plan, and messages to the coordinator.
 * Every page and action is in the audit trail as the family's; no page shows another case.
 */
@NoAccount(checkedBy = "the family's session, from a one-time code sent to the case's contact email")
@Controller
@ConditionalOnProperty(name = "ehc.family.enabled", havingValue = "true", matchIfMissing = true)
class FamilyController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final String DEMO_CODE = "ehc.family.demoCode";
  private static final String FOOTER = "Only you can see this page. Do not share your sign-in code with anyone.";

  private final FamilyCase cases;
  private final FamilyActions actions;
  private final Documents documents;
  private final PartnerDirectory partners;
  private final AuditTrail audit;
  private final String serviceName;
  private final boolean showCodeOnScreen;
  /** Signing in at an identity provider (GOV.UK One Login, a citizen account) rather than with an emailed code. */
  private final boolean atProvider;
  private final String providerName;

  FamilyController(FamilyCase cases, FamilyActions actions, Documents documents, PartnerDirectory partners,
      AuditTrail audit, FamilyProperties properties) {
    this.cases = cases;
    this.actions = actions;
    this.documents = documents;
    this.partners = partners;
    this.audit = audit;
    this.serviceName = properties.serviceName();
    this.showCodeOnScreen = properties.showCodeOnScreen();
    this.atProvider = "oidc".equals(properties.signIn());
    this.providerName = properties.identityName();
  }

  @GetMapping(path = "/family", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> start(HttpServletRequest request,
      @RequestParam(name = "sign-in", required = false) String outcome) {
    if (FamilySession.current(request).isPresent()) {
      return seeOther("/family/case");
    }
    if (atProvider && outcome != null) {
      // Back from the provider without a case: say so, naming the field to check.
      return Pages.answer(HttpStatus.UNAUTHORIZED, signInPage(request, Map.of("caseReference", "unmatched".equals(outcome)
          ? "We could not open this case with the account you signed in with. Check the case reference, and that you "
              + "signed in with the email address you gave us"
          : "Signing in with " + providerName + " did not finish. Try again"), "", ""));
    }
    return Pages.answer(HttpStatus.OK, signInPage(request, Map.of(), "", ""));
  }

  @PostMapping(path = "/family/sign-in", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> signIn(HttpServletRequest request, @RequestParam(required = false) String caseReference,
      @RequestParam(required = false) String email, @RequestParam(required = false) String formToken) {
    if (!FamilySession.formTokenMatches(request, formToken)) {
      return expiredForm();
    }
    if (atProvider) {
      try {
        request.getSession().setAttribute(FamilyIdentitySignIn.PENDING_CASE, actions.caseReferenceToVerify(caseReference));
        return seeOther(FamilyIdentitySignIn.START);
      } catch (FamilyActions.Invalid invalid) {
        return Pages.answer(HttpStatus.BAD_REQUEST, signInPage(request, invalid.byField(), caseReference, ""));
      }
    }
    try {
      Optional<SignInCodes.Issued> issued = actions.requestCode(caseReference, email);
      // The same answer whether or not the details matched a case: a stranger learns nothing.
      FamilySession.awaitCode(request, issued.map(SignInCodes.Issued::challenge)
          .orElse("none-" + java.util.UUID.randomUUID()));
      request.getSession().removeAttribute(DEMO_CODE);
      if (showCodeOnScreen) {
        issued.ifPresent(i -> request.getSession().setAttribute(DEMO_CODE, i.code()));
      }
      return seeOther("/family/code");
    } catch (FamilyActions.Invalid invalid) {
      return Pages.answer(HttpStatus.BAD_REQUEST, signInPage(request, invalid.byField(), caseReference, email));
    } catch (SignInCodes.TooMany tooMany) {
      return Pages.answer(HttpStatus.TOO_MANY_REQUESTS, page("Too many codes", false, Pages.message(
          "You have asked for too many codes", "Wait 15 minutes, then ask for a new code. Use the newest email we "
              + "sent you.")));
    }
  }

  @GetMapping(path = "/family/code", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> codePage(HttpServletRequest request) {
    if (FamilySession.challenge(request).isEmpty()) {
      return seeOther("/family");
    }
    return Pages.answer(HttpStatus.OK, codeForm(request, null));
  }

  @PostMapping(path = "/family/code", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> code(HttpServletRequest request, @RequestParam(required = false) String code,
      @RequestParam(required = false) String formToken) {
    Optional<String> challenge = FamilySession.challenge(request);
    if (challenge.isEmpty() || !FamilySession.formTokenMatches(request, formToken)) {
      return expiredForm();
    }
    if (code == null || code.isBlank()) {
      return Pages.answer(HttpStatus.BAD_REQUEST, codeForm(request, "Enter the 6-digit code from the email"));
    }
    if (!code.replaceAll("\\s", "").matches("\\d{6}")) {
      return Pages.answer(HttpStatus.BAD_REQUEST, codeForm(request, "The code must be 6 numbers, like 123456"));
    }
    SignInCodes.Checked checked = actions.checkCode(challenge.get(), code);
    return switch (checked.outcome()) {
      case SIGNED_IN -> {
        FamilySession.establish(request, checked.caseReference(), "email-code");
        yield seeOther("/family/case");
      }
      case WRONG, UNKNOWN -> Pages.answer(HttpStatus.BAD_REQUEST, codeForm(request, "The code is not right. Check the "
          + "email and try again" + (checked.triesLeft() > 0 ? " (" + checked.triesLeft() + " tries left)" : "")));
      case EXPIRED, USED, LOCKED -> Pages.answer(HttpStatus.GONE, page("Code no longer works", false, Pages.message(
          "This code no longer works", (checked.outcome() == SignInCodes.Outcome.LOCKED
              ? "It was entered wrongly too many times. " : checked.outcome() == SignInCodes.Outcome.EXPIRED
              ? "Codes work for 15 minutes. " : "Each code works once. ") + "Ask for a new code.")
          + "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/family\">Ask for a new code</a></p>"));
    };
  }

  @GetMapping(path = "/family/case", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> casePage(HttpServletRequest request) {
    Optional<FamilySession.SignedIn> signedIn = FamilySession.current(request);
    if (signedIn.isEmpty()) {
      return seeOther("/family");
    }
    String reference = signedIn.get().caseReference();
    audit.record(FamilyActions.actor(reference), AuditTrail.Action.VIEWED, reference, "family page viewed");
    return Pages.answer(HttpStatus.OK, casePage(request, cases.view(reference), Map.of(), "", ""));
  }

  @GetMapping("/family/documents/{id}")
  ResponseEntity<byte[]> document(HttpServletRequest request, @PathVariable long id) {
    Optional<FamilySession.SignedIn> signedIn = FamilySession.current(request);
    if (signedIn.isEmpty()) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/family").build();
    }
    String reference = signedIn.get().caseReference();
    Optional<Documents.DocumentInfo> document = cases.issuedDocument(reference, id);
    if (document.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("This document is not one of yours.".getBytes(StandardCharsets.UTF_8));
    }
    audit.record(FamilyActions.actor(reference), AuditTrail.Action.VIEWED, reference, "document " + id
        + " downloaded by the family");
    Documents.DocumentInfo info = document.get();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(info.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + reference + "-"
            + info.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-v" + info.version() + ".pdf\"")
        .body(documents.content(id).orElseThrow());
  }

  @PostMapping(path = "/family/representations", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> representations(HttpServletRequest request,
      @RequestParam(required = false) String representations, @RequestParam(required = false) String requestedSetting,
      @RequestParam(required = false) String meetingRequested, @RequestParam(required = false) String formToken) {
    return act(request, formToken, representations, "", "Nothing to comment on",
        "There is no draft plan to comment on now", reference -> confirmation("Comments sent",
            switch (actions.sendRepresentations(reference, representations, requestedSetting,
                "yes".equals(meetingRequested))) {
              case RECORDED -> "We have your comments on the draft plan. Your coordinator will read them before the "
                  + "plan is finalised.";
              case RECORDED_LATE, KEPT_LATE_FOR_COORDINATOR -> "We have your comments on the draft plan. They arrived "
                  + "after the 15 days, so we have recorded them as late, and your coordinator has been told.";
            }));
  }

  @PostMapping(path = "/family/views", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> views(HttpServletRequest request, @RequestParam(required = false) String views,
      @RequestParam(required = false) String formToken) {
    return act(request, formToken, "", "", "Nothing waiting", "Nothing is waiting for your views now",
        reference -> confirmation("Views sent", actions.sendViews(reference, views) == FamilyCase.Views.SECTION_A
            ? "Thank you. Your views are now in section A of the plan we are writing, and your coordinator has been "
                + "told."
            : "Thank you. Your views will be shared for the annual review meeting, and your coordinator has been told."));
  }

  @PostMapping(path = "/family/mediation", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> mediation(HttpServletRequest request, @RequestParam(required = false) String mediation,
      @RequestParam(required = false) String formToken) {
    return act(request, formToken, "", "", "Nothing to answer", "There is no decision waiting for your answer",
        reference -> {
          actions.answerMediation(reference, mediation);
          return confirmation("Answer sent", "mediation".equals(mediation)
              ? "We have recorded that you want mediation. The mediation service will contact you; mediation must be "
                  + "held within 30 days of your request."
              : "We have recorded that you do not want mediation. The mediation adviser will send you a certificate "
                  + "within 3 working days, so you can appeal.");
        });
  }

  @PostMapping(path = "/family/messages", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> message(HttpServletRequest request, @RequestParam(required = false) String message,
      @RequestParam(required = false) String formToken) {
    return act(request, formToken, "", message, "Message not sent", "Your message could not be sent",
        reference -> confirmation("Message sent", actions.sendMessage(reference, message)
            ? "Your coordinator has been told and will reply. Your message is kept with your child's case."
            : "You sent this message already today. We have it, so we did not send it again."));
  }

  /**
   * A signed-in family's form: the action's confirmation page; or the case page again with each problem and what
   * they typed (400); or, when nothing waits for it any more, a page saying so (409). A form without this
   * session's token, or after sign-out, changes nothing (403).
   *
   * @param action the action for the case signed in to, answering its confirmation page
   */
  private ResponseEntity<String> act(HttpServletRequest request, String formToken, String typedRepresentations,
      String typedMessage, String conflictTitle, String conflictHeading,
      java.util.function.Function<String, String> action) {
    Optional<String> signedIn = signedInForm(request, formToken);
    if (signedIn.isEmpty()) {
      return expiredForm();
    }
    String reference = signedIn.get();
    try {
      return Pages.answer(HttpStatus.OK, action.apply(reference));
    } catch (FamilyActions.Invalid invalid) {
      return Pages.answer(HttpStatus.BAD_REQUEST, casePage(request, cases.view(reference), invalid.byField(),
          typedRepresentations == null ? "" : typedRepresentations, typedMessage == null ? "" : typedMessage));
    } catch (Refusal refused) {
      return Pages.answer(HttpStatus.CONFLICT, page(conflictTitle, false, Pages.message(conflictHeading,
          "You can still send a message to your coordinator.") + back()));
    }
  }

  @PostMapping(path = "/family/sign-out", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> signOut(HttpServletRequest request) {
    FamilySession.current(request).ifPresent(s -> audit.record(FamilyActions.actor(s.caseReference()),
        AuditTrail.Action.VIEWED, s.caseReference(), "signed out"));
    FamilySession.end(request);
    return Pages.answer(HttpStatus.OK, page("Signed out", false, Pages.message("You have signed out",
        "To see your child's case again, sign in with a new code.")
        + "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/family\">Sign in</a></p>"));
  }

  // --- pages ---

  private String signInPage(HttpServletRequest request, Map<String, String> problems, String caseReference,
      String email) {
    if (atProvider) {
      return providerSignInPage(request, problems, caseReference);
    }
    String body = (problems.isEmpty() ? "" : Pages.errorSummary(problems)) + """
        <h1 class="govuk-heading-l">Sign in to see your child's EHC case</h1>
        <p class="govuk-body">See where your child's education, health and care (EHC) needs assessment or plan is
          up to, the dates ahead, our decisions and your rights, and send us your views.</p>
        <p class="govuk-body">We will email a 6-digit code to the email address we have for you. You do not need a
          password.</p>
        <form method="post" action="/family/sign-in" novalidate>
          <input type="hidden" name="formToken" value="%s">
          %s
          %s
          <button type="submit" class="govuk-button" data-module="govuk-button">Send me a code</button>
        </form>
        """.formatted(Pages.esc(FamilySession.formToken(request)),
        input("caseReference", "Case reference", "It is on every letter and email we send you, like EHC-2026-00012.",
            problems.get("caseReference"), caseReference, "text", "off"),
        input("email", "Email address", "The email address you gave us when the request was made.",
            problems.get("email"), email, "email", "email"));
    return page("Sign in", !problems.isEmpty(), body);
  }

  private String providerSignInPage(HttpServletRequest request, Map<String, String> problems, String caseReference) {
    String body = (problems.isEmpty() ? "" : Pages.errorSummary(problems)) + """
        <h1 class="govuk-heading-l">Sign in to see your child's EHC case</h1>
        <p class="govuk-body">See where your child's education, health and care (EHC) needs assessment or plan is
          up to, the dates ahead, our decisions and your rights, and send us your views.</p>
        <p class="govuk-body">Give the case reference, then sign in with %s using the email address you gave us.</p>
        <form method="post" action="/family/sign-in" novalidate>
          <input type="hidden" name="formToken" value="%s">
          %s
          <button type="submit" class="govuk-button" data-module="govuk-button">Continue to %s</button>
        </form>
        """.formatted(Pages.esc(providerName), Pages.esc(FamilySession.formToken(request)),
        input("caseReference", "Case reference", "It is on every letter and email we send you, like EHC-2026-00012.",
            problems.get("caseReference"), caseReference, "text", "off"), Pages.esc(providerName));
    return page("Sign in", !problems.isEmpty(), body);
  }

  private String codeForm(HttpServletRequest request, String problem) {
    Map<String, String> problems = problem == null ? Map.of() : Map.of("code", problem);
    Object demoCode = showCodeOnScreen ? request.getSession().getAttribute(DEMO_CODE) : null;
    String body = (problems.isEmpty() ? "" : Pages.errorSummary(problems)) + """
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">If the case reference and email address match what we hold, we have sent a 6-digit
          code to that address. The code works for 15 minutes, once.</p>
        %s
        <form method="post" action="/family/code" novalidate>
          <input type="hidden" name="formToken" value="%s">
          %s
          <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
        </form>
        <p class="govuk-body"><a class="govuk-link" href="/family">Not received a code? Ask for a new one</a></p>
        """.formatted(demoCode == null ? "" : "<div class=\"govuk-inset-text\">Demo only (ehc.family.show-code-on-screen, "
            + "refused in production): the code is <strong>" + Pages.esc(demoCode.toString()) + "</strong>.</div>",
        Pages.esc(FamilySession.formToken(request)),
        input("code", "Sign-in code", "For example, 123456.", problem, "", "text", "one-time-code")
            .replace("type=\"text\"", "type=\"text\" inputmode=\"numeric\" spellcheck=\"false\""));
    return page("Check your email", problem != null, body);
  }

  private String casePage(HttpServletRequest request, FamilyCase.View view, Map<String, String> problems,
      String representations, String message) {
    StringBuilder body = new StringBuilder(problems.isEmpty() ? "" : Pages.errorSummary(problems));
    body.append("<span class=\"govuk-caption-l\">Case ").append(Pages.esc(view.caseReference())).append("</span>")
        .append("<h1 class=\"govuk-heading-l\">").append(view.childGivenName() == null ? "Your child's EHC case"
            : Pages.esc(view.childGivenName()) + "'s EHC case").append("</h1>");
    body.append("<h2 class=\"govuk-heading-m\">Where the case is now</h2>");
    view.now().forEach(line -> body.append("<p class=\"govuk-body\">").append(Pages.esc(line)).append("</p>"));
    body.append("<p class=\"govuk-body\">Your coordinator: <strong>").append(Pages.esc(view.coordinator()
        .orElse("the SEND team (a coordinator will be named soon)"))).append("</strong></p>");

    body.append("<h2 class=\"govuk-heading-m\">Dates ahead</h2>");
    if (view.ahead().isEmpty()) {
      body.append("<p class=\"govuk-body\">There are no dates ahead at the moment.</p>");
    } else {
      body.append("<dl class=\"govuk-summary-list\">");
      view.ahead().forEach(date -> body.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">")
          .append(Pages.esc(date.date().format(DAY))).append("</dt><dd class=\"govuk-summary-list__value\">")
          .append(Pages.esc(date.what())).append("<br><span class=\"govuk-hint\">").append(Pages.esc(date.law()))
          .append("</span></dd></div>"));
      body.append("</dl>");
    }

    body.append("<h2 class=\"govuk-heading-m\">Decisions and letters</h2>");
    if (view.decisions().isEmpty()) {
      body.append("<p class=\"govuk-body\">We have not sent you any decisions or plans yet.</p>");
    }
    for (FamilyCase.Decision decision : view.decisions()) {
      body.append("<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\">")
          .append("<h3 class=\"govuk-summary-card__title\">").append(Pages.esc(decision.title())).append("</h3></div>")
          .append("<div class=\"govuk-summary-card__content\"><p class=\"govuk-body\">Sent on ")
          .append(Pages.esc(decision.issuedOn().format(DAY))).append(". <a class=\"govuk-link\" href=\"/family/documents/")
          .append(decision.documentId()).append("\">Download the letter (PDF)<span class=\"govuk-visually-hidden\">: ")
          .append(Pages.esc(decision.title())).append("</span></a></p>");
      if (decision.reasons() != null) {
        body.append("<p class=\"govuk-body\">Our reasons: ").append(Pages.esc(decision.reasons())).append("</p>");
      }
      if (decision.appealBy() != null) {
        body.append("<div class=\"govuk-inset-text\"><p class=\"govuk-body\">If you disagree, you can ask for ")
            .append("mediation: contact the mediation adviser by <strong>")
            .append(Pages.esc(decision.mediationBy().format(DAY))).append("</strong>. You can appeal to the ")
            .append("First-tier Tribunal (Special Educational Needs and Disability) until <strong>")
            .append(Pages.esc(decision.appealBy().format(DAY))).append("</strong>; you need a mediation certificate ")
            .append("first, unless the appeal is only about the school or college named.</p></div>");
      }
      body.append("</div></div>");
    }

    view.representations().ifPresent(r -> body.append(representationsForm(request, r, problems, representations)));
    view.views().ifPresent(kind -> body.append("""
        <h2 class="govuk-heading-m" id="your-views">%s</h2>
        <form method="post" action="/family/views" novalidate>
          <input type="hidden" name="formToken" value="%s">
          %s
          <button type="submit" class="govuk-button" data-module="govuk-button">Send views</button>
        </form>
        """.formatted(kind == FamilyCase.Views.SECTION_A ? "Your views for the plan" : "Your views for the annual review",
        Pages.esc(FamilySession.formToken(request)), textarea("views", kind == FamilyCase.Views.SECTION_A
            ? "Your child's and your views, interests and aspirations" : "How things have gone, and what should change",
        kind == FamilyCase.Views.SECTION_A ? "What your child likes, is good at, finds hard, and hopes for. This goes "
            + "into section A of the plan." : "Your child's views and yours, shared with everyone at the review meeting.",
        problems.get("views"), "", 6))));
    if (view.mediationOpen()) {
      body.append(mediationForm(request, problems.get("mediation")));
    }

    body.append("<h2 class=\"govuk-heading-m\">Messages</h2>");
    view.messages().forEach(m -> body.append("<div class=\"govuk-inset-text\"><p class=\"govuk-body-s\">")
        .append(Pages.esc(m.from())).append(", ").append(Pages.esc(m.on().format(DAY))).append("</p><p class=\"govuk-body\">")
        .append(Pages.esc(m.text()).replace("\n", "<br>")).append("</p></div>"));
    body.append("""
        <form method="post" action="/family/messages" novalidate>
          <input type="hidden" name="formToken" value="%s">
          %s
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Send message</button>
        </form>
        """.formatted(Pages.esc(FamilySession.formToken(request)), textarea("message", "Write to your coordinator",
        "Do not include medical reports here; your coordinator will tell you how to send them.",
        problems.get("message"), message, 5)));
    return Pages.page(serviceName, view.childGivenName() == null ? "Your child's EHC case" : "Your child's EHC case",
        !problems.isEmpty(), body.toString(), FOOTER, signOutForm(request));
  }

  private String representationsForm(HttpServletRequest request, FamilyCase.Representations r,
      Map<String, String> problems, String text) {
    StringBuilder options = new StringBuilder("<option value=\"\">No school or college requested</option>");
    for (Partner setting : partners.settings()) {
      if (setting.active()) {
        options.append("<option value=\"").append(Pages.esc(setting.code())).append("\">")
            .append(Pages.esc(setting.organisationName())).append("</option>");
      }
    }
    String settingProblem = problems.get("requestedSetting");
    return """
        <h2 class="govuk-heading-m" id="draft-plan">Comment on the draft plan</h2>
        <p class="govuk-body">%s</p>
        <form method="post" action="/family/representations" novalidate>
          <input type="hidden" name="formToken" value="%s">
          %s
          <div class="govuk-form-group%s">
            <label class="govuk-label govuk-label--s" for="requestedSetting">School or college you want named in the plan</label>
            <div id="requestedSetting-hint" class="govuk-hint">We will ask the school or college whether it can meet your child's needs.</div>
            %s
            <select class="govuk-select" id="requestedSetting" name="requestedSetting" aria-describedby="requestedSetting-hint%s">%s</select>
          </div>
          <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" id="meetingRequested" name="meetingRequested" type="checkbox" value="yes">
                <label class="govuk-label govuk-checkboxes__label" for="meetingRequested">I would like a meeting to talk about the draft plan</label>
              </div>
            </div>
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">Send comments</button>
        </form>
        """.formatted(Pages.esc(!r.taskOpen()
            ? "We have recorded your comments on the draft plan. You can still add to them until the final plan is "
                + "issued: we will keep them as late comments and tell your coordinator."
            : r.late()
            ? "Your 15 days ended on " + r.due().format(DAY) + ". You can still send comments: we will record them as "
                + "late and your coordinator will read them."
            : "You have until " + r.due().format(DAY) + " to tell us what you think of the draft plan, ask for a "
                + "school or college to be named, and ask for a meeting (Children and Families Act 2014, section 38)."),
        Pages.esc(FamilySession.formToken(request)),
        textarea("representations", "Your comments on the draft plan", "What is right, what is missing, and what "
            + "you would change.", problems.get("representations"), text, 8),
        settingProblem == null ? "" : " govuk-form-group--error", Pages.fieldError("requestedSetting", settingProblem),
        settingProblem == null ? "" : " requestedSetting-error", options);
  }

  private String mediationForm(HttpServletRequest request, String problem) {
    return """
        <h2 class="govuk-heading-m" id="mediation-answer">Mediation</h2>
        <form method="post" action="/family/mediation" novalidate>
          <input type="hidden" name="formToken" value="%s">
          <div class="govuk-form-group%s">
            <fieldset class="govuk-fieldset" aria-describedby="mediation-hint%s">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Do you want mediation about our decision?</legend>
              <div id="mediation-hint" class="govuk-hint">Mediation is free and independent. If you do not want it, you get a certificate so you can appeal (SEND Regulations 2014, regulations 32 to 39).</div>
              %s
              <div class="govuk-radios" data-module="govuk-radios">
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="mediation" name="mediation" type="radio" value="mediation">
                  <label class="govuk-label govuk-radios__label" for="mediation">Yes, I want mediation</label>
                </div>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="mediation-2" name="mediation" type="radio" value="mediationDeclined">
                  <label class="govuk-label govuk-radios__label" for="mediation-2">No, I want a certificate so I can appeal</label>
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">Send answer</button>
        </form>
        """.formatted(Pages.esc(FamilySession.formToken(request)), problem == null ? "" : " govuk-form-group--error",
        problem == null ? "" : " mediation-error", Pages.fieldError("mediation", problem));
  }

  private String signOutForm(HttpServletRequest request) {
    return """
        <form method="post" action="/family/sign-out" class="govuk-header__content">
          <input type="hidden" name="formToken" value="%s">
          <button type="submit" class="govuk-button govuk-button--inverse govuk-!-margin-bottom-0" data-module="govuk-button">Sign out</button>
        </form>""".formatted(Pages.esc(FamilySession.formToken(request)));
  }

  private String confirmation(String title, String text) {
    return page(title, false, """
        <div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">%s</h1></div>
        <p class="govuk-body">%s</p>%s""".formatted(Pages.esc(title), Pages.esc(text), back()));
  }

  private static String back() {
    return "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/family/case\">Back to your child's case</a></p>";
  }

  /** The case of a signed-in family whose form carries this session's token. */
  private static Optional<String> signedInForm(HttpServletRequest request, String formToken) {
    return FamilySession.current(request).filter(s -> FamilySession.formTokenMatches(request, formToken))
        .map(FamilySession.SignedIn::caseReference);
  }

  private ResponseEntity<String> expiredForm() {
    return Pages.answer(HttpStatus.FORBIDDEN, page("Signed out", false, Pages.message("You have been signed out",
        "For your security, we sign you out after 30 minutes without activity. Nothing was sent.")
        + "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/family\">Sign in again</a></p>"));
  }

  private String page(String title, boolean error, String body) {
    return Pages.page(serviceName, title, error, body, FOOTER, "");
  }


  private static String input(String id, String label, String hint, String problem, String value, String type,
      String autocomplete) {
    return """
          <div class="govuk-form-group%s">
            <label class="govuk-label govuk-label--s" for="%s">%s</label>
            <div id="%s-hint" class="govuk-hint">%s</div>
            %s
            <input class="govuk-input%s" id="%s" name="%s" type="%s" autocomplete="%s" value="%s" aria-describedby="%s-hint%s">
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", id, Pages.esc(label), id, Pages.esc(hint),
        Pages.fieldError(id, problem), problem == null ? "" : " govuk-input--error", id, id, type, autocomplete,
        Pages.esc(value), id, problem == null ? "" : " " + id + "-error");
  }

  private static String textarea(String id, String label, String hint, String problem, String value, int rows) {
    return """
          <div class="govuk-form-group%s">
            <label class="govuk-label govuk-label--s" for="%s">%s</label>
            <div id="%s-hint" class="govuk-hint">%s</div>
            %s
            <textarea class="govuk-textarea%s" id="%s" name="%s" rows="%d" aria-describedby="%s-hint%s">%s</textarea>
          </div>
        """.formatted(problem == null ? "" : " govuk-form-group--error", id, Pages.esc(label), id, Pages.esc(hint),
        Pages.fieldError(id, problem), problem == null ? "" : " govuk-textarea--error", id, id, rows, id,
        problem == null ? "" : " " + id + "-error", Pages.esc(value));
  }

  private static ResponseEntity<String> seeOther(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
  }


}
