package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.Locale;

/**
 * Every statutory time limit of the EHC process, each defined here and nowhere else with its legal
 * reference: a change in the law is a change of one line. Weeks, months and days are calendar time unless
 * the rule counts working days.
 *
 * <p>Each limit also names the process variable that carries it: {@link #dueVariable()} holds the deadline as an
 * ISO date ({@code YYYY-MM-DD}). Timers, reminders ({@link Reminders}) and task due dates read that variable, so
 * Tasklist, timers and reports agree.
 */
public enum TimeLimit {

  // §1 EHC needs assessment
  DECISION_TO_ASSESS("Decision whether to assess", "SEND Regs 2014 reg 4(1), 5(1): 6 weeks from the request",
      Anchor.REQUEST_RECEIVED, Rule.plus(Period.ofWeeks(6))),
  ADVICE("Advice from an advice giver", "SEND Regs 2014 reg 8(1): 6 weeks from the request for advice",
      Anchor.ADVICE_REQUESTED, Rule.plus(Period.ofWeeks(6))),
  DECISION_TO_ISSUE("Decision whether to issue a plan", "SEND Regs 2014 reg 10(1): 16 weeks from the request",
      Anchor.REQUEST_RECEIVED, Rule.plus(Period.ofWeeks(16))),
  DRAFT_PLAN("Latest day to serve the draft plan",
      "SEND Regs 2014 reg 13(1)-(2): the family's 15 days must end before the 20-week deadline",
      Anchor.REQUEST_RECEIVED, Rule.plus(Period.ofWeeks(20).minusDays(15))),
  REPRESENTATIONS("Family's representations on the draft plan",
      "CFA 2014 s38; SEND Regs 2014 reg 13(1): at least 15 days, the day of service is day 1",
      Anchor.DRAFT_SERVED, Rule.inclusiveDays(15)),
  SETTING_CONSULTATION("Reply of the requested school or college",
      "CFA 2014 s39-40; SEND Code of Practice 9.83: 15 days from the consultation",
      Anchor.CONSULTATION_SENT, Rule.plus(Period.ofDays(15))),
  FINAL_PLAN("Final EHC plan issued", "SEND Regs 2014 reg 13(2): 20 weeks from the request",
      Anchor.REQUEST_RECEIVED, Rule.plus(Period.ofWeeks(20))),

  // §2 annual review and amendment
  ANNUAL_REVIEW("Annual review of the plan", "CFA 2014 s44: at least every 12 months",
      Anchor.PLAN_ISSUED_OR_REVIEWED, Rule.plus(Period.ofMonths(12))),
  REVIEW_INVITATIONS("Invitations to the review meeting", "SEND Regs 2014 reg 20(3), 21(3): 2 weeks before the meeting",
      Anchor.REVIEW_MEETING, Rule.plus(Period.ofWeeks(-2))),
  REVIEW_ADVICE_CIRCULATED("Advice gathered and circulated", "SEND Regs 2014 reg 20(4), 21(4): 2 weeks before the meeting",
      Anchor.REVIEW_MEETING, Rule.plus(Period.ofWeeks(-2))),
  REVIEW_REPORT("Review report from the setting", "SEND Regs 2014 reg 20(7), 21(7): 2 weeks after the meeting",
      Anchor.REVIEW_MEETING, Rule.plus(Period.ofWeeks(2))),
  REVIEW_DECISION("Local authority's review decision", "SEND Regs 2014 reg 20(10); Code 9.176: 4 weeks after the meeting",
      Anchor.REVIEW_MEETING, Rule.plus(Period.ofWeeks(4))),
  AMENDED_PLAN("Final amended plan", "SEND Regs 2014 reg 22(3): 8 weeks from the amendment notice",
      Anchor.DRAFT_SERVED, Rule.plus(Period.ofWeeks(8))),

  // §3 phase transfer
  PHASE_TRANSFER_SCHOOL("Plan amended to name the new school (phase transfer)",
      "SEND Regs 2014 reg 18(1)(a); Code 9.179: by 15 February of the calendar year of the transfer",
      Anchor.TRANSFER_DATE, Rule.dayOfTheYear(Month.FEBRUARY, 15)),
  PHASE_TRANSFER_POST_16("Plan amended to name the post-16 setting (secondary to post-16)",
      "SEND Regs 2014 reg 18(1)(b): by 31 March of the calendar year of the transfer",
      Anchor.TRANSFER_DATE, Rule.dayOfTheYear(Month.MARCH, 31)),
  PHASE_TRANSFER_BETWEEN_POST_16("Plan amended to name the new post-16 setting (post-16 to post-16)",
      "SEND Regs 2014 reg 18(2): at least 5 months before the transfer",
      Anchor.TRANSFER_DATE, Rule.plus(Period.ofMonths(-5))),

  // §4 disagreement: mediation and appeal
  MEDIATION_CONTACT("Contact a mediation adviser", "SEND Regs 2014 reg 33: 2 months from the decision notice",
      Anchor.DECISION_NOTICE, Rule.plus(Period.ofMonths(2))),
  MEDIATION_CERTIFICATE("Mediation certificate when mediation is declined", "SEND Regs 2014 reg 34: 3 working days",
      Anchor.MEDIATION_ADVICE_CONTACTED, Rule.workingDays(3)),
  MEDIATION_HELD("Mediation held", "SEND Regs 2014 reg 37: 30 days from the request for mediation",
      Anchor.MEDIATION_REQUESTED, Rule.plus(Period.ofDays(30))),
  CERTIFICATE_AFTER_MEDIATION("Certificate after mediation", "SEND Regs 2014 reg 39: 3 working days after mediation ends",
      Anchor.MEDIATION_ENDED, Rule.workingDays(3)),
  APPEAL("Appeal to the First-tier Tribunal (SEND)",
      "HESC Rules 2008 r20(1)(c): 2 months from the decision notice (or 1 month from a mediation certificate, if later); "
          + "r12(3): a last day from 25 December to 1 January or in August moves to the next working day",
      Anchor.DECISION_NOTICE, Rule.appeal(Period.ofMonths(2))),
  ORDER_TO_MAKE_PLAN_DRAFT("Draft plan after a tribunal order to make a plan", "SEND Regs 2014 reg 44(2)(c)(i): 5 weeks",
      Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(5))),
  ORDER_TO_MAKE_PLAN_FINAL("Final plan after a tribunal order to make a plan",
      "SEND Regs 2014 reg 44(2)(c)(ii): 11 weeks", Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(11))),
  ORDER_TO_ASSESS_NOTICE("Notice after a tribunal order to assess", "SEND Regs 2014 reg 44(2)(b): 2 weeks",
      Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(2))),
  ORDER_TO_ASSESS_NOT_ISSUE("Decision not to issue after a tribunal order to assess",
      "SEND Regs 2014 reg 44(2)(b)(i): 10 weeks", Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(10))),
  ORDER_TO_ASSESS_FINAL("Final plan after a tribunal order to assess", "SEND Regs 2014 reg 44(2)(b)(ii): 14 weeks",
      Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(14))),
  ORDER_TO_AMEND("Amended plan after a tribunal order to amend it", "SEND Regs 2014 reg 44(2)(e): 5 weeks",
      Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(5))),
  ORDER_TO_NAME_SCHOOL("Amended plan after a tribunal order only to name a school or college",
      "SEND Regs 2014 reg 44(2)(f): 2 weeks", Anchor.TRIBUNAL_ORDER, Rule.plus(Period.ofWeeks(2)));

  private final String title;
  private final String legalReference;
  private final Anchor anchor;
  private final Rule rule;

  TimeLimit(String title, String legalReference, Anchor anchor, Rule rule) {
    this.title = title;
    this.legalReference = legalReference;
    this.anchor = anchor;
    this.rule = rule;
  }

  public String title() {
    return title;
  }

  public String legalReference() {
    return legalReference;
  }

  public Anchor anchor() {
    return anchor;
  }

  LocalDate dueFrom(LocalDate anchorDate, BankHolidays holidays) {
    return rule.apply(anchorDate, holidays);
  }

  /** Process variable holding the deadline, for example {@code decisionToAssessDue}. */
  public String dueVariable() {
    return camelCase() + "Due";
  }

  private String camelCase() {
    StringBuilder out = new StringBuilder();
    for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
      out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  /** How a deadline follows from its anchor date. */
  @FunctionalInterface
  interface Rule {
    LocalDate apply(LocalDate anchor, BankHolidays holidays);

    static Rule plus(Period period) {
      return (anchor, holidays) -> anchor.plus(period);
    }

    /** A fixed day in the anchor's calendar year, such as 15 February of the year of transfer. */
    static Rule dayOfTheYear(Month month, int day) {
      return (anchor, holidays) -> LocalDate.of(anchor.getYear(), month, day);
    }

    /** "At least N days beginning with" the anchor: the anchor day is day 1. */
    static Rule inclusiveDays(int days) {
      return (anchor, holidays) -> anchor.plusDays(days - 1L);
    }

    static Rule workingDays(int days) {
      return (anchor, holidays) -> {
        LocalDate date = anchor;
        for (int counted = 0; counted < days; ) {
          date = date.plusDays(1);
          if (holidays.isWorkingDay(date)) {
            counted++;
          }
        }
        return date;
      };
    }

    static Rule appeal(Period period) {
      return (anchor, holidays) -> moveOutOfClosedPeriods(anchor.plus(period), holidays);
    }

    /** HESC Rules 2008 r12(3): the tribunal's closed periods over Christmas and in August. */
    static LocalDate moveOutOfClosedPeriods(LocalDate lastDay, BankHolidays holidays) {
      LocalDate restart = null;
      if (lastDay.getMonth() == Month.AUGUST) {
        restart = LocalDate.of(lastDay.getYear(), Month.AUGUST, 31);
      } else if (lastDay.getMonth() == Month.DECEMBER && lastDay.getDayOfMonth() >= 25) {
        restart = LocalDate.of(lastDay.getYear() + 1, Month.JANUARY, 1);
      } else if (lastDay.getMonth() == Month.JANUARY && lastDay.getDayOfMonth() == 1) {
        restart = lastDay;
      }
      if (restart == null) {
        return lastDay;
      }
      LocalDate next = restart.plusDays(1);
      while (!holidays.isWorkingDay(next)) {
        next = next.plusDays(1);
      }
      return next;
    }
  }
}
