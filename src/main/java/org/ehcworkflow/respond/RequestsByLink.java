package org.ehcworkflow.respond;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.document.Documents.StoredDocument;
import org.ehcworkflow.needsassessment.AdviceGiver;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.process.TaskInputs;
import org.springframework.transaction.annotation.Transactional;
import org.ehcworkflow.process.EngineClock;

/**
 * An answer sent through a secure link ({@link Asked}: advice, a requested school's answer to consultation, or a
 * setting's annual review report): the
 * link's request is looked up, the answer (text, a PDF, or both; for a consultation, agreed or declined) is kept
 * (the PDF as the case's document, with its checksum) and the step's task is completed with it, as if it had been
 * completed in Tasklist. An expired, used or unknown link changes nothing.
 */
public class RequestsByLink {

  static final int MAX_PDF_BYTES = 10 * 1024 * 1024;
  static final int MAX_TEXT = 20_000;

  /** Where a link stands. */
  public enum State { OPEN, EXPIRED, USED, ANSWERED, UNKNOWN }

  /**
   * The request a link opens, as its page shows it: what is asked, of whom (in words), by when, and for a review
   * report the meeting's arranged day ({@code meetingDate}) and whether it must cover preparing for adulthood
   * ({@code preparingForAdulthood}).
   */
  public record Request(State state, Asked asked, String caseReference, String askedOf, String due,
      Instant expiresAt, Map<String, String> facts) {
  }

  /**
   * What was sent: the text, a PDF; for a consultation the setting's answer ({@code agreed} or {@code declined}); for
   * a review report the meeting's recommendation ({@code maintain}, {@code amend}, {@code cease}) as the response,
   * the day it was held (day, month, year as typed) and whether it covered preparing for adulthood.
   */
  public record Answer(String text, byte[] pdf, String response, String heldDay, String heldMonth, String heldYear,
      boolean adulthoodCovered) {

    /** An advice giver's or a school's answer, with no meeting. */
    public Answer(String text, byte[] pdf, String response) {
      this(text, pdf, response, null, null, null, false);
    }
  }

  /** What was sent, checked: each problem names its form field; the request, to show its form again. */
  public static class Invalid extends Refusal {
    private final Map<String, String> byField;
    private final Request request;

    Invalid(Map<String, String> byField, Request request) {
      super(Kind.INVALID, List.copyOf(byField.values()));
      this.byField = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byField)); // in the form's order
      this.request = request;
    }

    public Map<String, String> byField() {
      return byField;
    }

    public Request request() {
      return request;
    }
  }

  /** What was sent and kept: what it answered, and the PDF if one came with it. */
  public record Sent(Asked asked, Optional<StoredDocument> kept) {
  }

  /** A link as found, with the request it opens and the open task it answers. */
  private record Found(ResponseLinks.Link link, Request request, Optional<Task> task) {
  }

  private final ResponseLinks links;
  private final TaskService tasks;
  private final Documents documents;
  private final AuditTrail audit;
  private final java.util.function.Function<String, String> settingName;

  /** @param settingName a setting's name by its code, for the consultation's page */
  public RequestsByLink(ResponseLinks links, TaskService tasks, Documents documents, AuditTrail audit,
      java.util.function.Function<String, String> settingName) {
    this.links = links;
    this.tasks = tasks;
    this.documents = documents;
    this.audit = audit;
    this.settingName = settingName;
  }

  /** The request a link opens, recorded in the audit trail as viewed through the link. */
  public Request open(String token) {
    Found found = find(token);
    if (found.link() != null) {
      audit.record(actor(found.link()), AuditTrail.Action.VIEWED, found.link().caseReference(),
          found.request().asked().name().toLowerCase(java.util.Locale.ROOT) + " request opened by secure link ("
              + found.request().state().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return found.request();
  }

  /** Where a link stands, without recording a view. */
  public State state(String token) {
    return find(token).request().state();
  }

  private Found find(String token) {
    Optional<ResponseLinks.Link> stored = links.find(token)
        .filter(link -> java.util.Arrays.stream(Asked.values()).anyMatch(a -> a.name().equals(link.asked())));
    if (stored.isEmpty()) {
      return new Found(null, new Request(State.UNKNOWN, null, null, null, null, null, Map.of()), Optional.empty());
    }
    ResponseLinks.Link link = stored.get();
    Asked asked = Asked.valueOf(link.asked());
    Optional<Task> task = task(link);
    String due = task.map(t -> String.valueOf(tasks.getVariable(t.getId(), asked.dueVariable()))).orElse(null);
    State state = link.usedAt() != null ? State.USED : link.expiresAt().isBefore(EngineClock.instant()) ? State.EXPIRED
        : task.isEmpty() ? State.ANSWERED : State.OPEN;
    Map<String, String> facts = new LinkedHashMap<>();
    if (asked == Asked.REVIEW_REPORT && task.isPresent()) {
      facts.put("meetingDate", String.valueOf(tasks.getVariable(task.get().getId(), "meetingDate")));
      facts.put("preparingForAdulthood",
          String.valueOf(Boolean.TRUE.equals(tasks.getVariable(task.get().getId(), "preparingForAdulthood"))));
    }
    return new Found(link, new Request(state, asked, link.caseReference(), asked == Asked.ADVICE
        ? giverTitle(link.scope()) : settingName.apply(link.scope()), due, link.expiresAt(), Map.copyOf(facts)), task);
  }

  /**
   * Keeps the answer and completes the step's task.
   *
   * @throws Invalid naming each field at fault; nothing is kept
   * @throws Refusal (not found, or conflict when the link is expired, used or its request answered already)
   */
  @Transactional
  public Sent submit(String token, Answer answer) {
    Found found = find(token);
    Request request = found.request();
    if (request.state() == State.UNKNOWN) {
      throw Refusal.notFound("link: this link is not recognised");
    }
    if (request.state() != State.OPEN) {
      throw Refusal.conflict("link: " + request.state().name().toLowerCase(java.util.Locale.ROOT));
    }
    Map<String, String> problems = new LinkedHashMap<>();
    String text = answer.text() == null ? "" : answer.text().trim();
    byte[] pdf = answer.pdf();
    boolean file = pdf != null && pdf.length > 0;
    boolean consultation = request.asked() == Asked.CONSULTATION;
    boolean report = request.asked() == Asked.REVIEW_REPORT;
    String response = answer.response() == null ? "" : answer.response().trim();
    if (consultation && !List.of("agreed", "declined").contains(response)) {
      problems.put("response", "Say whether the school or college can be named");
    }
    LocalDate heldOn = null;
    if (report) {
      heldOn = heldOn(answer, problems);
      if (!List.of("maintain", "amend", "cease").contains(response)) {
        problems.put("response", "Say what the meeting recommends");
      }
      if ("true".equals(request.facts().get("preparingForAdulthood")) && !answer.adulthoodCovered()) {
        problems.put("adulthood", "From year 9 the review must cover preparing for adulthood: confirm it did");
      }
    }
    if (report && text.isEmpty() && !file) {
      problems.put("advice", "Write a summary of the report, or attach the report as a PDF");
    } else if (!consultation && text.isEmpty() && !file) {
      problems.put("advice", "Write your advice, or attach it as a PDF");
    }
    if (consultation && response.equals("declined") && text.isEmpty() && !file) {
      problems.put("advice", "Give your reasons, or attach them as a PDF");
    }
    if (text.length() > MAX_TEXT) {
      problems.put("advice", "Your answer must be " + String.format("%,d", MAX_TEXT) + " characters or fewer");
    }
    if (file && pdf.length > MAX_PDF_BYTES) {
      problems.put("file", "The file must be smaller than 10 MB");
    } else if (file && !isPdf(pdf)) {
      problems.put("file", "The file must be a PDF");
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems, request);
    }
    ResponseLinks.Link link = found.link();
    Task task = found.task().orElseThrow(() -> Refusal.conflict("link: answered"));
    if (!links.use(link.id())) {
      throw Refusal.conflict("link: used");
    }
    DocumentType kind = consultation ? DocumentType.CONSULTATION_RESPONSE
        : report ? DocumentType.REVIEW_REPORT_RECEIVED : DocumentType.ADVICE_RECEIVED;
    Optional<StoredDocument> kept = file ? Optional.of(documents.keepReceived(link.caseReference(), kind, pdf,
        actor(link))) : Optional.empty();
    String summary = text;
    if (kept.isPresent()) {
      summary = (summary.isEmpty() ? "" : summary + "\n") + "Sent as a PDF through the secure link: "
          + kind.title().toLowerCase(java.util.Locale.ROOT) + " version " + kept.get().version() + ", SHA-256 "
          + kept.get().checksum();
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    if (consultation) {
      variables.put("settingResponse", response);
      variables.put("settingResponseNotes", summary);
    } else if (report) {
      variables.put("meetingHeldOn", heldOn.toString());
      variables.put("reviewRecommendation", response);
      variables.put("preparingForAdulthoodCovered", answer.adulthoodCovered());
      variables.put("reportSummary", summary);
    } else {
      variables.put("adviceSummary", summary);
    }
    variables.put(TaskInputs.SUBMITTED_BY, Variables.stringValue(actor(link), true));
    tasks.complete(task.getId(), variables);
    audit.record(actor(link), AuditTrail.Action.TASK_COMPLETED, link.caseReference(), request.asked().name()
        .toLowerCase(java.util.Locale.ROOT) + " sent by secure link" + (kept.isPresent() ? " with a PDF" : ""));
    return new Sent(request.asked(), kept);
  }

  private Optional<Task> task(ResponseLinks.Link link) {
    Asked asked = Asked.valueOf(link.asked());
    return tasks.createTaskQuery().processInstanceId(link.processInstanceId()).taskDefinitionKey(asked.task()).list()
        .stream().filter(t -> link.scope() == null || asked.scopeVariable() == null
            || link.scope().equals(String.valueOf(tasks.getVariable(t.getId(), asked.scopeVariable()))))
        .findFirst();
  }

  /** The day the meeting was held, from the GOV.UK date input's three boxes (a problem names the first): a real day, not in the future. */
  private static LocalDate heldOn(Answer answer, Map<String, String> problems) {
    String day = answer.heldDay() == null ? "" : answer.heldDay().trim();
    String month = answer.heldMonth() == null ? "" : answer.heldMonth().trim();
    String year = answer.heldYear() == null ? "" : answer.heldYear().trim();
    if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
      problems.put("heldOn-day", "Enter the day the meeting was held");
      return null;
    }
    LocalDate held;
    try {
      held = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      problems.put("heldOn-day", "The day the meeting was held must be a real date, for example 27 3 2027");
      return null;
    }
    if (year.length() != 4) {
      problems.put("heldOn-day", "The year must have 4 digits, for example 2027");
      return null;
    }
    if (held.isAfter(EngineClock.today())) {
      problems.put("heldOn-day", "The day the meeting was held must be today or in the past: send the report after the "
          + "meeting");
      return null;
    }
    return held;
  }

  static boolean isPdf(byte[] content) {
    return content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F'
        && content[4] == '-';
  }

  private static String actor(ResponseLinks.Link link) {
    return "link:" + (link.scope() == null ? "partner" : link.scope());
  }

  static String giverTitle(String scope) {
    if (scope == null) {
      return "the advice giver";
    }
    return switch (AdviceGiver.valueOf(scope)) {
      case EDUCATIONAL_PSYCHOLOGY -> "educational psychology";
      case HEALTH -> "health";
      case SOCIAL_CARE -> "social care";
      case SCHOOL_OR_SETTING -> "the school or setting";
      case OTHER -> "another adviser";
    };
  }
}
