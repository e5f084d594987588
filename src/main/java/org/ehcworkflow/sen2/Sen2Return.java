package org.ehcworkflow.sen2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SEN2 return for a census date, built from what each case and plan recorded. The reporting period is the
 * calendar year before the census: module 2 holds the requests received in it (and any still undecided on the census
 * date), module 3 their assessments, module 4 the plans first issued in it, module 5 the plans maintained on the
 * census date. Values are this system's; {@link Sen2Files} writes them with the mapping's names and codes.
 */
public final class Sen2Return {

  private Sen2Return() {
  }

  /** Everything recorded about one case or plan that the return reads. */
  public record CaseFacts(String caseReference, RequestRow request, String forename, String surname,
      LocalDate birthDate, Sen2Details details, PlanRow plan, List<StepFact> steps, List<PlanEventRow> events,
      boolean exceptionRecorded, LocalDate transferDue) {
  }

  /** The request as the case file holds it. */
  public record RequestRow(LocalDate received, String requesterType, String status, LocalDate statusDate) {
  }

  /** The plan as the register holds it. */
  public record PlanRow(LocalDate issuedOn, String settingCode, String status, LocalDate ceasedOn, String source) {
  }

  /** One field a step recorded. */
  public record StepFact(String processInstanceId, String step, String field, String value, LocalDate recordedOn) {
  }

  public record PlanEventRow(String kind, LocalDate date) {
  }

  /** The return: its header and one person per child in it. */
  public record Return(LocalDate census, String la, List<Person> persons) {
  }

  public record Person(String caseReference, String surname, String forename, LocalDate birthDate, String sex,
      String ethnicity, String postcode, String upn, String uln, String upnUnknown, Request request) {
  }

  /** A request (module 2), its assessment (3) and the active plan (5) that came from it. */
  public record Request(LocalDate received, String requestSource, Boolean youthCustody, String outcome,
      LocalDate outcomeDate, boolean mediation, boolean tribunal, Assessment assessment, ActivePlan activePlan) {
  }

  public record Assessment(String outcome, LocalDate outcomeDate, boolean mediation, boolean tribunal,
      boolean exceptions, NamedPlan namedPlan) {
  }

  /** Module 4a, with its plan detail (4b). */
  public record NamedPlan(LocalDate startDate, Boolean residential, Boolean workBasedLearning, String personalBudget,
      LocalDate ceaseDate, String ceaseReason, PlanDetail detail) {
  }

  /** Module 4b: the setting by its URN and, where the directory holds one, its UKPRN. */
  public record PlanDetail(String urn, String ukprn, String settingType, int placementRank, Boolean senUnit,
      Boolean resourcedProvision) {
  }

  /** Module 5a, with its placements (5b) and needs (5c). */
  public record ActivePlan(String transferredInLa, LocalDate reviewMeeting, String reviewDecision,
      LocalDate amendedPlanDate, LocalDate transferDue, List<Placement> placements, List<Need> needs) {
  }

  public record Placement(String urn, String ukprn, String settingType, int placementRank, LocalDate entryDate,
      LocalDate leavingDate, Boolean senUnit, Boolean resourcedProvision) {
  }

  public record Need(String senType, int rank) {
  }

  /**
   * @param ukprns each setting's UK Provider Reference Number by its code (URN), where the partner directory has
   *     one
   */
  public static Return build(LocalDate census, String la, List<CaseFacts> cases, Map<String, String> ukprns) {
    LocalDate from = LocalDate.of(census.getYear() - 1, 1, 1);
    LocalDate to = LocalDate.of(census.getYear() - 1, 12, 31);
    List<Person> persons = new ArrayList<>();
    for (CaseFacts facts : cases.stream().sorted(Comparator.comparing(CaseFacts::caseReference)).toList()) {
      person(facts, census, from, to, ukprns).ifPresent(persons::add);
    }
    return new Return(census, la, List.copyOf(persons));
  }

  private static Optional<Person> person(CaseFacts facts, LocalDate census, LocalDate from, LocalDate to,
      Map<String, String> ukprns) {
    Sen2Details d = facts.details() == null ? Sen2Details.NONE : facts.details();
    RequestRow row = facts.request();
    boolean requestInReturn = row != null && !row.received().isAfter(census)
        && (within(row.received(), from, to) || "OPEN".equals(row.status()));
    PlanRow plan = facts.plan();
    boolean active = plan != null && !plan.issuedOn().isAfter(census)
        && (plan.ceasedOn() == null || plan.ceasedOn().isAfter(census));
    if (!requestInReturn && !active) {
      return Optional.empty();
    }
    Map<String, Disagreement> disputes = disagreements(facts.steps());
    Request request = new Request(requestInReturn ? row.received() : null,
        requestInReturn ? (d.requestSource() != null ? d.requestSource() : row.requesterType()) : null,
        requestInReturn ? d.youthCustody() : null, requestInReturn ? requestOutcome(facts) : null,
        requestInReturn ? requestOutcomeDate(facts) : null,
        requestInReturn && disputed(disputes, "NOT_TO_ASSESS", true),
        requestInReturn && disputed(disputes, "NOT_TO_ASSESS", false),
        requestInReturn ? assessment(facts, d, disputes, ukprns, from, to) : null,
        active ? activePlan(facts, d, census, ukprns) : null);
    return Optional.of(new Person(facts.caseReference(), facts.surname(), facts.forename(), facts.birthDate(),
        d.sex(), d.ethnicity(), d.postcode(), d.upn(), d.uln(), d.upnUnknown(), request));
  }

  private static String requestOutcome(CaseFacts facts) {
    Optional<StepFact> decision = fact(facts.steps(), "Task_DecideWhetherToAssess", "assessDecision");
    if (decision.isPresent()) {
      return decision.get().value().equals("assess") ? "assess" : "notAssessed";
    }
    return "WITHDRAWN".equals(facts.request().status()) ? "withdrawn" : null;
  }

  private static LocalDate requestOutcomeDate(CaseFacts facts) {
    return fact(facts.steps(), "Task_DecideWhetherToAssess", "assessDecision").map(StepFact::recordedOn)
        .orElse("WITHDRAWN".equals(facts.request().status()) ? facts.request().statusDate() : null);
  }

  private static Assessment assessment(CaseFacts facts, Sen2Details d, Map<String, Disagreement> disputes,
      Map<String, String> ukprns, LocalDate from, LocalDate to) {
    if (!"assess".equals(requestOutcome(facts))) {
      return null;
    }
    String status = facts.request().status();
    String outcome = switch (status) {
      case "PLAN_ISSUED" -> "plan";
      case "NO_PLAN" -> "noPlan";
      case "WITHDRAWN" -> "withdrawn";
      default -> null;
    };
    PlanRow plan = facts.plan();
    NamedPlan named = null;
    if (plan != null && within(plan.issuedOn(), from, to)) {
      named = new NamedPlan(plan.issuedOn(), d.residential(), d.workBasedLearning(), d.personalBudget(),
          plan.ceasedOn(), plan.ceasedOn() == null ? null : d.ceaseReason(),
          new PlanDetail(plan.settingCode(), ukprnOf(plan, ukprns), d.settingType(), 1, d.senUnit(),
              d.resourcedProvision()));
    }
    return new Assessment(outcome, outcome == null ? null : facts.request().statusDate(),
        disputed(disputes, "NOT_TO_ISSUE", true), disputed(disputes, "NOT_TO_ISSUE", false),
        facts.exceptionRecorded(), named);
  }

  private static String ukprnOf(PlanRow plan, Map<String, String> ukprns) {
    return plan.settingCode() == null ? null : ukprns.get(plan.settingCode());
  }

  private static ActivePlan activePlan(CaseFacts facts, Sen2Details d, LocalDate census, Map<String, String> ukprns) {
    PlanRow plan = facts.plan();
    List<PlanEventRow> events = facts.events().stream().filter(e -> !e.date().isAfter(census))
        .sorted(Comparator.comparing(PlanEventRow::date)).toList();
    LocalDate reviewed = events.stream().filter(e -> e.kind().equals("REVIEWED")).map(PlanEventRow::date)
        .reduce((a, b) -> b).orElse(null);
    LocalDate amended = events.stream().filter(e -> e.kind().equals("AMENDED")).map(PlanEventRow::date)
        .reduce((a, b) -> b).orElse(null);
    String decision = null;
    if (reviewed != null) {
      boolean amendedSince = amended != null && !amended.isBefore(reviewed);
      boolean ceasedSince = events.stream().anyMatch(e -> e.kind().equals("CEASED") && !e.date().isBefore(reviewed));
      decision = ceasedSince ? "cease" : amendedSince ? "amend" : "maintain";
    }
    LocalDate entry = amended != null && amended.isAfter(plan.issuedOn()) ? amended : plan.issuedOn();
    List<Placement> placements = plan.settingCode() == null && d.settingType() == null ? List.of()
        : List.of(new Placement(plan.settingCode(), ukprnOf(plan, ukprns), d.settingType(), 1, entry, null,
            d.senUnit(), d.resourcedProvision()));
    List<Need> needs = new ArrayList<>();
    if (d.needPrimary() != null) {
      needs.add(new Need(d.needPrimary(), 1));
    }
    if (d.needSecondary() != null) {
      needs.add(new Need(d.needSecondary(), 2));
    }
    return new ActivePlan(d.transferredInLa(), reviewed, decision, amended, facts.transferDue(), placements,
        List.copyOf(needs));
  }

  /** What the family did about one appealable decision, from the steps of its {@code ehc-disagreement}. */
  private record Disagreement(String decision, boolean mediation, boolean tribunal) {
  }

  private static Map<String, Disagreement> disagreements(List<StepFact> steps) {
    Map<String, List<StepFact>> byInstance = steps.stream().filter(s -> s.processInstanceId() != null)
        .collect(Collectors.groupingBy(StepFact::processInstanceId, LinkedHashMap::new, Collectors.toList()));
    Map<String, Disagreement> found = new LinkedHashMap<>();
    byInstance.values().forEach(facts -> fact(facts, "Disagreement", "decision").ifPresent(decision -> {
      String route = fact(facts, "Disagreement", "disagreement").map(StepFact::value).orElse("");
      boolean mediation = route.equals("mediation") || facts.stream().anyMatch(f -> f.step().equals("Task_HoldMediation"));
      boolean tribunal = route.equals("appeal") || fact(facts, "Task_RecordAppeal", "appealAnswer")
          .filter(f -> f.value().equals("appealed")).isPresent();
      Disagreement before = found.get(decision.value());
      found.put(decision.value(), new Disagreement(decision.value(), mediation || (before != null && before.mediation()),
          tribunal || (before != null && before.tribunal())));
    }));
    return found;
  }

  private static boolean disputed(Map<String, Disagreement> disputes, String decision, boolean mediation) {
    Disagreement found = disputes.get(decision);
    return found != null && (mediation ? found.mediation() : found.tribunal());
  }

  private static Optional<StepFact> fact(List<StepFact> steps, String step, String field) {
    return steps.stream().filter(s -> s.step().equals(step) && s.field().equals(field)).reduce((a, b) -> b);
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }
}
