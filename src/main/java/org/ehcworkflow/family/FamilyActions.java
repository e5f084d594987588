package org.ehcworkflow.family;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.document.PlanSection;
import org.ehcworkflow.needsassessment.Caseload;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.process.TaskInputs;
import org.ehcworkflow.security.Roles;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a family does online: asks for a sign-in code, comments on the draft plan (completing the waiting step, or
 * kept as late representations for the coordinator once the step is past), and writes to the named coordinator.
 * Each is recorded on the case with its date and in the audit trail as the family's; bad input changes nothing.
 */
public class FamilyActions {

  static final int MAX_TEXT = 20_000;
  static final int MAX_MESSAGE = 5_000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CASE_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_-]{2,39}");

  /** What was sent, checked: each problem by its form field. Nothing was kept. */
  public static class Invalid extends Refusal {
    private final Map<String, String> byField;

    Invalid(Map<String, String> byField) {
      super(Kind.INVALID, List.copyOf(byField.values()));
      this.byField = Map.copyOf(byField);
    }

    public Map<String, String> byField() {
      return byField;
    }
  }

  /** What happened to comments on the draft. */
  public enum Representation { RECORDED, RECORDED_LATE, KEPT_LATE_FOR_COORDINATOR }

  private final FamilyCase cases;
  private final SignInCodes codes;
  private final TaskService tasks;
  private final CaseFile caseFile;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Caseload caseload;
  private final Predicate<String> knownSetting;
  private final PlanContent plans;

  public FamilyActions(FamilyCase cases, SignInCodes codes, TaskService tasks, CaseFile caseFile,
      Notifications notifications, AuditTrail audit, Caseload caseload, Predicate<String> knownSetting,
      PlanContent plans) {
    this.plans = plans;
    this.cases = cases;
    this.codes = codes;
    this.tasks = tasks;
    this.caseFile = caseFile;
    this.notifications = notifications;
    this.audit = audit;
    this.caseload = caseload;
    this.knownSetting = knownSetting;
  }

  static String actor(String caseReference) {
    return "family:" + caseReference;
  }

  /**
   * Sends a code to the case's contact email when the email given is that one. The answer does not say whether it
   * was: the challenge is empty when no code went.
   *
   * @throws Invalid for a missing or malformed case reference or email
   * @throws SignInCodes.TooMany when too many codes were asked for the case lately
   */
  @Transactional
  public Optional<SignInCodes.Issued> requestCode(String caseReference, String email) {
    Map<String, String> problems = new LinkedHashMap<>();
    String reference = caseReference == null ? "" : caseReference.trim().toUpperCase(java.util.Locale.ROOT);
    String address = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    if (reference.isEmpty()) {
      problems.put("caseReference", "Enter the case reference from our letter or email");
    } else if (!CASE_REFERENCE.matcher(reference).matches()) {
      problems.put("caseReference", "Enter the case reference as it is on our letter, like EHC-2026-00012");
    }
    if (address.isEmpty()) {
      problems.put("email", "Enter your email address");
    } else if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
      problems.put("email", "Enter an email address in the correct format, like name@example.com");
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    if (!cases.contactEmails(reference).contains(address)) {
      audit.record("family", AuditTrail.Action.REFUSED, reference, "sign-in code asked with an email that is not the "
          + "case's (or for no case)");
      return Optional.empty();
    }
    SignInCodes.Issued issued = codes.issue(reference);
    notifications.send(new Notice(reference, Recipient.family(reference), "family-sign-in-code",
        Map.of("caseReference", reference, "code", issued.code(),
            "codeMinutes", Long.toString(codes.lifetime().toMinutes())), "family-sign-in:" + issued.challenge()));
    audit.record(actor(reference), AuditTrail.Action.CHANGED, reference, "sign-in code sent to the contact email");
    return Optional.of(issued);
  }

  /**
   * The case reference a family gives before proving who they are at another identity provider (GOV.UK One Login,
   * the council's citizen account), checked for its form only: whether it is a case is known after the provider.
   *
   * @throws Invalid naming {@code caseReference}
   */
  public String caseReferenceToVerify(String caseReference) {
    String reference = caseReference == null ? "" : caseReference.trim().toUpperCase(java.util.Locale.ROOT);
    if (reference.isEmpty()) {
      throw new Invalid(Map.of("caseReference", "Enter the case reference from our letter or email"));
    }
    if (!CASE_REFERENCE.matcher(reference).matches()) {
      throw new Invalid(Map.of("caseReference", "Enter the case reference as it is on our letter, like EHC-2026-00012"));
    }
    return reference;
  }

  /**
   * Whether the identity a provider verified may see the case: its email is verified by the provider and is the
   * case's contact email. Recorded in the audit trail either way, never with the address.
   */
  public boolean identityMatches(String reference, String email, boolean verified, String method) {
    String address = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    boolean matches = verified && !address.isEmpty() && cases.contactEmails(reference).contains(address);
    audit.record(matches ? actor(reference) : "family", matches ? AuditTrail.Action.VIEWED : AuditTrail.Action.REFUSED,
        reference, matches ? "signed in with " + method : "sign-in with " + method + " refused: "
            + (verified ? "the verified email is not the case's (or there is no such case)" : "the email is not verified"));
    return matches;
  }

  /** Checks a code; a right one signs in, and the code's email loses its wording. */
  @Transactional
  public SignInCodes.Checked checkCode(String challenge, String code) {
    SignInCodes.Checked checked = codes.check(challenge, code);
    if (checked.outcome() == SignInCodes.Outcome.SIGNED_IN) {
      notifications.forgetWording("family-sign-in:" + challenge);
      audit.record(actor(checked.caseReference()), AuditTrail.Action.VIEWED, checked.caseReference(),
          "signed in with a one-time code");
    }
    return checked;
  }

  /**
   * Comments on the draft plan or proposed amendments (CFA 2014 s38; reg 13(1)): the waiting step is completed
   * with them, late if after the 15 days; once that step is past, they are kept as late representations and the
   * coordinator is told. Nothing is lost.
   */
  @Transactional
  public Representation sendRepresentations(String caseReference, String text, String requestedSetting,
      boolean meeting) {
    Map<String, String> problems = new LinkedHashMap<>();
    String comments = text == null ? "" : text.trim();
    String setting = requestedSetting == null ? "" : requestedSetting.trim();
    if (comments.isEmpty() && setting.isEmpty() && !meeting) {
      problems.put("representations", "Write your comments, choose a school or college, or ask for a meeting");
    }
    if (comments.length() > MAX_TEXT) {
      problems.put("representations", "Your comments must be " + String.format("%,d", MAX_TEXT)
          + " characters or fewer");
    }
    if (!setting.isEmpty() && !knownSetting.test(setting)) {
      problems.put("requestedSetting", "Choose a school or college from the list");
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    Optional<FamilyCase.Representations> open = cases.representations(caseReference, EngineClock.today());
    if (open.isEmpty()) {
      throw Refusal.conflict("representations: there is no draft plan to comment on now");
    }
    Optional<Task> task = cases.representationsTask(caseReference);
    if (task.isPresent()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("representations", comments);
      variables.put("requestedSetting", setting);
      variables.put("meetingRequested", meeting);
      variables.put(TaskInputs.SUBMITTED_BY, Variables.stringValue(TaskInputs.FAMILY, true));
      tasks.complete(task.get().getId(), variables);
      audit.record(actor(caseReference), AuditTrail.Action.TASK_COMPLETED, caseReference,
          "representations on the draft plan sent online" + (open.get().late() ? " (after the 15 days)" : ""));
      return open.get().late() ? Representation.RECORDED_LATE : Representation.RECORDED;
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("representations", comments);
    facts.put("requestedSetting", setting);
    if (meeting) {
      facts.put("meetingRequested", "true");
    }
    facts.put("late", "true");
    caseFile.recordStep(new CaseFile.StepRecord(caseReference, null, FamilyCase.LATE_REPRESENTATIONS_STEP, facts,
        Set.of("representations"), EngineClock.today(), TaskInputs.FAMILY));
    tellCoordinator(caseReference, "late-representations");
    audit.record(actor(caseReference), AuditTrail.Action.CHANGED, caseReference,
        "late representations on the draft plan kept for the coordinator");
    return Representation.KEPT_LATE_FOR_COORDINATOR;
  }

  /**
   * The family's views: while the assessment runs, their views, interests and aspirations go into section A of the
   * plan being written (added to what is there, dated); before an annual review meeting, their views for it. Kept
   * on the case either way, and the coordinator is told.
   */
  @Transactional
  public FamilyCase.Views sendViews(String caseReference, String text) {
    String views = text == null ? "" : text.trim();
    if (views.isEmpty()) {
      throw new Invalid(Map.of("views", "Write your views"));
    }
    if (views.length() > MAX_TEXT) {
      throw new Invalid(Map.of("views", "Your views must be " + String.format("%,d", MAX_TEXT)
          + " characters or fewer"));
    }
    FamilyCase.Views kind = cases.views(caseReference)
        .orElseThrow(() -> Refusal.conflict("views: nothing is waiting for your views now"));
    LocalDate today = EngineClock.today();
    if (kind == FamilyCase.Views.SECTION_A) {
      String current = plans.workingCopy(caseReference).getOrDefault(PlanSection.A, "").strip();
      String added = "The family's views, sent online on " + today + ":\n" + views;
      String section = current.isEmpty() ? added : current + "\n\n" + added;
      if (section.length() > MAX_TEXT) {
        throw new Invalid(Map.of("views", "Section A has no room for views this long: send a shorter version, or "
            + "the rest as a message to your coordinator"));
      }
      plans.write(caseReference, PlanSection.A, section, TaskInputs.FAMILY);
    }
    caseFile.recordStep(new CaseFile.StepRecord(caseReference, null, kind == FamilyCase.Views.SECTION_A
        ? FamilyCase.SECTION_A_STEP : FamilyCase.REVIEW_VIEWS_STEP, Map.of("views", views), Set.of("views"), today,
        TaskInputs.FAMILY));
    tellCoordinator(caseReference, "views");
    audit.record(actor(caseReference), AuditTrail.Action.CHANGED, caseReference, kind == FamilyCase.Views.SECTION_A
        ? "views for section A sent online" : "views for the annual review sent online");
    return kind;
  }

  /**
   * The family's answer about mediation after a refusal (SEND Regs 2014 reg 32-34): they want mediation, or they do
   * not and need a certificate to appeal. It completes the waiting step, dated today, as the family's.
   */
  @Transactional
  public void answerMediation(String caseReference, String answer) {
    if (answer == null || !List.of("mediation", "mediationDeclined").contains(answer)) {
      throw new Invalid(Map.of("mediation", "Choose whether you want mediation"));
    }
    Task task = cases.disagreementTask(caseReference)
        .orElseThrow(() -> Refusal.conflict("mediation: there is no decision waiting for your answer"));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("disagreement", answer);
    variables.put("disagreementDate", EngineClock.today().toString());
    variables.put(TaskInputs.SUBMITTED_BY, Variables.stringValue(TaskInputs.FAMILY, true));
    tasks.complete(task.getId(), variables);
    audit.record(actor(caseReference), AuditTrail.Action.TASK_COMPLETED, caseReference,
        "mediation " + (answer.equals("mediation") ? "asked for" : "declined") + " online");
  }

  /**
   * A message to the named coordinator (or the coordinators' team when none is named), kept on the case; the
   * officer gets a notice to read it. The same message sent twice on a day is kept once.
   *
   * @return false when it had been sent already
   */
  @Transactional
  public boolean sendMessage(String caseReference, String text) {
    String message = text == null ? "" : text.trim();
    if (message.isEmpty()) {
      throw new Invalid(Map.of("message", "Write your message"));
    }
    if (message.length() > MAX_MESSAGE) {
      throw new Invalid(Map.of("message", "Your message must be " + String.format("%,d", MAX_MESSAGE)
          + " characters or fewer"));
    }
    LocalDate today = EngineClock.today();
    boolean again = caseFile.steps(caseReference).stream().anyMatch(s -> s.step().equals(FamilyCase.MESSAGE_STEP)
        && s.recordedOn().equals(today) && message.equals(s.facts().get("message")));
    if (again) {
      return false;
    }
    caseFile.recordStep(new CaseFile.StepRecord(caseReference, null, FamilyCase.MESSAGE_STEP,
        Map.of("message", message), Set.of("message"), today, TaskInputs.FAMILY));
    tellCoordinator(caseReference, "message");
    audit.record(actor(caseReference), AuditTrail.Action.CHANGED, caseReference, "message to the coordinator sent");
    return true;
  }

  private void tellCoordinator(String caseReference, String what) {
    Recipient to = caseload.coordinatorOf(caseReference).map(Recipient::user)
        .orElse(Recipient.group(Roles.COORDINATORS));
    notifications.send(new Notice(caseReference, to, "family-message", Map.of("caseReference", caseReference),
        "family-" + what + ":" + caseReference + ":" + java.util.UUID.randomUUID()));
  }
}
