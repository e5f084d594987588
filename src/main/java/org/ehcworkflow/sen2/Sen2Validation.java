package org.ehcworkflow.sen2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ehcworkflow.sen2.Sen2Return.ActivePlan;
import org.ehcworkflow.sen2.Sen2Return.Assessment;
import org.ehcworkflow.sen2.Sen2Return.NamedPlan;
import org.ehcworkflow.sen2.Sen2Return.Person;
import org.ehcworkflow.sen2.Sen2Return.Request;

/**
 * The records of a return that would fail when submitted, each by case reference with the rule it breaks, so they
 * are mended where they were recorded before the file goes to COLLECT.
 */
public final class Sen2Validation {

  private Sen2Validation() {
  }

  /** A record that would fail: where, which rule, and what to mend. */
  public record Problem(String caseReference, String module, String rule, String message) {
  }

  public static List<Problem> check(Sen2Return.Return sen2) {
    List<Problem> problems = new ArrayList<>();
    for (Person p : sen2.persons()) {
      String ref = p.caseReference();
      if (p.surname() == null || p.surname().isBlank() || p.forename() == null || p.forename().isBlank()) {
        problems.add(new Problem(ref, "person", "NAME", "surname and forename are required: record them on the case"));
      }
      if (p.birthDate() == null) {
        problems.add(new Problem(ref, "person", "BIRTH_DATE", "date of birth is required"));
      } else if (p.birthDate().isAfter(sen2.census())) {
        problems.add(new Problem(ref, "person", "BIRTH_DATE", "date of birth is after the census date"));
      }
      if (p.sex() == null) {
        problems.add(new Problem(ref, "person", "SEX", "sex is required (PUT /api/cases/{ref}/sen2)"));
      }
      if (p.upn() == null && p.uln() == null && p.upnUnknown() == null) {
        problems.add(new Problem(ref, "person", "UPN", "a UPN, a ULN or the reason neither is known (upnUnknown) "
            + "is required"));
      }
      Request r = p.request();
      if (r.received() != null) {
        if (r.requestSource() == null || r.requestSource().equals("NOT_RECORDED")) {
          problems.add(new Problem(ref, "requests", "REQUEST_SOURCE", "the source of the request is not recorded"));
        }
        order(problems, ref, "requests", "received", r.received(), "request outcome", r.outcomeDate());
        order(problems, ref, "requests", "received", r.received(), "census date", sen2.census());
        Assessment a = r.assessment();
        if (a != null) {
          order(problems, ref, "assessments", "request outcome", r.outcomeDate(), "assessment outcome",
              a.outcomeDate());
          NamedPlan n = a.namedPlan();
          if (n != null) {
            order(problems, ref, "named-plans", "received", r.received(), "plan start", n.startDate());
            order(problems, ref, "named-plans", "plan start", n.startDate(), "cease", n.ceaseDate());
            if (n.ceaseDate() != null && n.ceaseReason() == null) {
              problems.add(new Problem(ref, "named-plans", "CEASE_REASON", "a ceased plan needs its cease reason"));
            }
            if (n.detail().urn() == null && n.detail().settingType() == null) {
              problems.add(new Problem(ref, "plan-detail", "PLACEMENT", "the plan names no school (URN) and no type "
                  + "of setting"));
            }
          }
        }
      }
      ActivePlan active = r.activePlan();
      if (active != null) {
        if (active.placements().isEmpty()) {
          problems.add(new Problem(ref, "placements", "PLACEMENT", "an active plan needs a placement: a school (URN) "
              + "or a type of setting"));
        }
        if (active.placements().stream().anyMatch(pl -> pl.settingType() == null)) {
          problems.add(new Problem(ref, "placements", "SETTING_TYPE", "the placement's type of setting is not "
              + "recorded"));
        }
        if (active.needs().stream().noneMatch(need -> need.rank() == 1)) {
          problems.add(new Problem(ref, "sen-need", "PRIMARY_NEED", "an active plan needs its primary type of need"));
        }
        if (active.reviewMeeting() != null && active.reviewMeeting().isAfter(sen2.census())) {
          problems.add(new Problem(ref, "active-plans", "DATES", "the review meeting is after the census date"));
        }
      }
    }
    return problems;
  }

  private static void order(List<Problem> problems, String ref, String module, String earlierName, LocalDate earlier,
      String laterName, LocalDate later) {
    if (earlier != null && later != null && later.isBefore(earlier)) {
      problems.add(new Problem(ref, module, "DATES", laterName + " " + later + " is before " + earlierName + " "
          + earlier));
    }
  }
}
