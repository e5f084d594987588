package org.ehcworkflow.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a plan against the quality rules as it is written, and grades it. The rules are data
 * ({@code plan-quality/rules.json}: wording, terms, weights, severity and source of each); what each {@code check}
 * tests is here. A finding names its section, its rule and an item number, never the plan's words, so no personal
 * data leaves the plan. Pure: the plan, its stage, the child's year group and the advice received are passed in.
 */
public class PlanQuality {

  /** What the plan is about to become: a draft (or proposed amendments) or a final (or amended) plan. */
  public enum Stage { DRAFT, FINAL }

  /** One piece of advice the case received (SEND Regs 2014 reg 6), from the case file. */
  public record AdviceReceived(String giver, LocalDate receivedOn) {
  }

  public record Finding(String rule, String section, String message, boolean blocking, String source) {
  }

  /**
   * @param sectionScores each checked section's score (100 less the weights of its findings, not below 0)
   * @param score the mean of the section scores
   */
  public record Assessment(List<Finding> findings, Map<String, Integer> sectionScores, int score, String grade,
      String label) {

    public List<Finding> blocking() {
      return findings.stream().filter(Finding::blocking).toList();
    }
  }

  record Rule(String id, String check, String section, boolean blocking, int weight, String source, String message,
      List<String> terms, List<String> provisionSections, int fromYear) {
  }

  record Grade(int min, String grade, String label) {
  }

  private static final Pattern FREQUENCY = Pattern.compile("\\b(\\d+\\s*(x\\s*)?(minutes?|mins?|hours?|hrs?|sessions?"
      + "|times?|days?|weeks?|terms?|lessons?|periods?)|daily|weekly|fortnightly|monthly|termly|half-termly|annually"
      + "|each (day|week|term|morning|afternoon|lesson)|per (day|week|term|month|year)"
      + "|every (day|week|term|morning|afternoon|lesson|\\d+ weeks?))\\b");
  private static final Pattern PROVIDER = Pattern.compile("\\b(by (a|an|the|his|her|their)\\b|delivered by|provided by"
      + "|teacher|teaching assistant|assistant|therapist|psychologist|senco|nurse|practitioner|tutor|specialist"
      + "|keyworker|key worker|mentor|coach|staff|adult|worker|slt|ota?\\b|ta\\b|lsa\\b)");
  private static final Pattern TIME_FRAME = Pattern.compile("\\b(by (the )?(end|start|beginning) of\\b|by (january"
      + "|february|march|april|may|june|july|august|september|october|november|december|summer|autumn|spring|easter"
      + "|christmas|year \\d+|age \\d+|\\d{4}|\\d{1,2}/\\d{2,4})|within \\d+ (days?|weeks?|months?|years?|terms?)"
      + "|in (\\d+|the next \\d+) (weeks?|months?|terms?|years?)|before (he|she|they) (leaves?|moves?|starts?))");
  private static final Map<String, List<String>> GIVER_NAMES = Map.of(
      "EDUCATIONAL_PSYCHOLOGY", List.of("educational psycholog", "psycholog", "ep "),
      "HEALTH", List.of("health", "nhs", "paediatric", "clinical"),
      "SOCIAL_CARE", List.of("social care", "social work", "children's services"),
      "SCHOOL_OR_SETTING", List.of("school", "setting", "college", "nursery", "senco"),
      "OTHER", List.of());
  private static final Map<String, String> GIVER_TITLES = Map.of("EDUCATIONAL_PSYCHOLOGY", "educational psychology",
      "HEALTH", "health", "SOCIAL_CARE", "social care", "SCHOOL_OR_SETTING", "the school or setting", "OTHER",
      "another adviser");

  private final List<Rule> rules;
  private final List<Grade> grades;

  PlanQuality(List<Rule> rules, List<Grade> grades) {
    this.rules = List.copyOf(rules);
    this.grades = List.copyOf(grades);
  }

  /** The rules shipped with the application ({@code classpath:plan-quality/rules.json}). */
  public static PlanQuality fromClasspath() {
    try (InputStream in = PlanQuality.class.getResourceAsStream("/plan-quality/rules.json")) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @throws IllegalStateException naming the rule, for a rule whose check is unknown or that lacks its source */
  public static PlanQuality read(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    List<Rule> rules = new ArrayList<>();
    Set<String> checks = Set.of("childsOwnViews", "everyNeedHasProvision", "needsHaveAreas", "noVagueTerms",
        "provisionQuantified", "outcomeHasTimeFrame", "outcomeLinkedToNeed", "needsSectionHasProvision",
        "preparingForAdulthood", "draftNamesNoSetting", "finalNamesSetting", "adviceListed");
    for (JsonNode rule : root.path("rules")) {
      String id = rule.path("id").asText();
      if (!checks.contains(rule.path("check").asText())) {
        throw new IllegalStateException("plan quality rule " + id + ": unknown check '" + rule.path("check").asText()
            + "', one of " + checks);
      }
      if (rule.path("source").asText().isBlank() || rule.path("message").asText().isBlank()) {
        throw new IllegalStateException("plan quality rule " + id + " needs its source and its message");
      }
      List<String> terms = new ArrayList<>();
      rule.path("terms").forEach(t -> terms.add(t.asText()));
      List<String> provision = new ArrayList<>();
      rule.path("provisionSections").forEach(t -> provision.add(t.asText()));
      rules.add(new Rule(id, rule.path("check").asText(), rule.path("section").asText(),
          "blocking".equals(rule.path("severity").asText()), rule.path("weight").asInt(10),
          rule.path("source").asText(), rule.path("message").asText(), terms, provision,
          rule.path("fromYear").asInt(0)));
    }
    List<Grade> grades = new ArrayList<>();
    root.path("grades").forEach(g -> grades.add(new Grade(g.path("min").asInt(), g.path("grade").asText(),
        g.path("label").asText())));
    grades.sort((a, b) -> Integer.compare(b.min(), a.min()));
    return new PlanQuality(rules, grades);
  }

  /**
   * @param sections each section's text by its code (A, B, ..., H1, H2, ..., K); missing means empty
   * @param yearGroup the child's year group now, or null if unknown
   */
  public Assessment assess(Map<String, String> sections, Stage stage, Integer yearGroup,
      List<AdviceReceived> advice) {
    List<String> needAreas = areas(items(sections.get("B")));
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      check(rule, sections, stage, yearGroup, advice, needAreas, findings);
    }
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (Rule rule : rules) {
      scores.putIfAbsent(rule.section(), 100);
    }
    for (Finding finding : findings) {
      int weight = rules.stream().filter(r -> r.id().equals(finding.rule())).mapToInt(Rule::weight).findFirst()
          .orElse(0);
      scores.merge(finding.section(), -weight, (a, b) -> Math.max(0, a + b));
    }
    int score = scores.isEmpty() ? 100
        : (int) Math.round(scores.values().stream().mapToInt(Integer::intValue).average().orElse(100));
    Grade grade = grades.stream().filter(g -> score >= g.min()).findFirst()
        .orElse(new Grade(0, "D", "Inadequate"));
    return new Assessment(findings, scores, score, grade.grade(), grade.label());
  }

  private void check(Rule rule, Map<String, String> sections, Stage stage, Integer yearGroup,
      List<AdviceReceived> advice, List<String> needAreas, List<Finding> findings) {
    String text = sections.getOrDefault(rule.section(), "");
    List<String> items = items(text);
    switch (rule.check()) {
      case "childsOwnViews" -> {
        if (rule.terms().stream().noneMatch(term -> (" " + text).contains(term))) {
          findings.add(finding(rule, Map.of()));
        }
      }
      case "everyNeedHasProvision" -> {
        String provision = lower(sections.get("F"));
        for (int i = 0; i < items.size(); i++) {
          String area = area(items.get(i));
          if (area != null && !provision.contains(area.toLowerCase(Locale.ROOT))) {
            findings.add(finding(rule, Map.of("n", Integer.toString(i + 1))));
          }
        }
      }
      case "needsHaveAreas" -> {
        for (int i = 0; i < items.size(); i++) {
          if (area(items.get(i)) == null) {
            findings.add(finding(rule, Map.of("n", Integer.toString(i + 1))));
          }
        }
      }
      case "noVagueTerms" -> {
        for (int i = 0; i < items.size(); i++) {
          String item = " " + lower(items.get(i)) + " ";
          for (String term : rule.terms()) {
            if (Pattern.compile("\\b" + Pattern.quote(term.toLowerCase(Locale.ROOT)) + "\\b").matcher(item).find()) {
              findings.add(finding(rule, Map.of("n", Integer.toString(i + 1), "term", term)));
              break;
            }
          }
        }
      }
      case "provisionQuantified" -> {
        for (int i = 0; i < items.size(); i++) {
          String item = lower(items.get(i));
          List<String> missing = new ArrayList<>();
          if (!FREQUENCY.matcher(item).find()) {
            missing.add("how often or for how long");
          }
          if (!PROVIDER.matcher(item).find()) {
            missing.add("who provides it");
          }
          if (!missing.isEmpty()) {
            findings.add(finding(rule, Map.of("n", Integer.toString(i + 1), "missing", String.join(" or ", missing))));
          }
        }
      }
      case "outcomeHasTimeFrame" -> {
        for (int i = 0; i < items.size(); i++) {
          if (!TIME_FRAME.matcher(lower(items.get(i))).find()) {
            findings.add(finding(rule, Map.of("n", Integer.toString(i + 1))));
          }
        }
      }
      case "outcomeLinkedToNeed" -> {
        if (!needAreas.isEmpty()) {
          for (int i = 0; i < items.size(); i++) {
            String item = lower(items.get(i));
            if (needAreas.stream().noneMatch(area -> item.contains(area.toLowerCase(Locale.ROOT)))) {
              findings.add(finding(rule, Map.of("n", Integer.toString(i + 1))));
            }
          }
        }
      }
      case "needsSectionHasProvision" -> {
        boolean provided = rule.provisionSections().stream()
            .anyMatch(s -> !sections.getOrDefault(s, "").isBlank());
        if (!text.isBlank() && !provided) {
          findings.add(finding(rule, Map.of()));
        }
      }
      case "preparingForAdulthood" -> {
        boolean covered = rule.terms().stream().anyMatch(term -> lower(text).contains(term.toLowerCase(Locale.ROOT)));
        if (yearGroup != null && yearGroup >= rule.fromYear() && !covered) {
          findings.add(finding(rule, Map.of()));
        }
      }
      case "draftNamesNoSetting" -> {
        if (stage == Stage.DRAFT && !text.isBlank()) {
          findings.add(finding(rule, Map.of()));
        }
      }
      case "finalNamesSetting" -> {
        if (stage == Stage.FINAL && text.isBlank()) {
          findings.add(finding(rule, Map.of()));
        }
      }
      case "adviceListed" -> {
        for (AdviceReceived received : advice) {
          if (!listed(text, received)) {
            findings.add(finding(rule, Map.of("giver", GIVER_TITLES.getOrDefault(received.giver(), received.giver()),
                "date", received.receivedOn().toString())));
          }
        }
      }
      default -> throw new IllegalStateException("unknown check " + rule.check());
    }
  }

  /** Whether section K names the advice: its giver and the day it was received, in any usual form. */
  static boolean listed(String k, AdviceReceived advice) {
    String text = lower(k);
    List<String> dates = List.of(advice.receivedOn().toString(),
        advice.receivedOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
        advice.receivedOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)).toLowerCase(Locale.ROOT));
    return items(text).stream().anyMatch(item -> dates.stream().anyMatch(item::contains)
        && GIVER_NAMES.getOrDefault(advice.giver(), List.of()).stream().anyMatch(item::contains)
        || dates.stream().anyMatch(item::contains) && advice.giver().equals("OTHER"));
  }

  /** The line section K gives for a piece of advice, when filled from the case. */
  public static String kLine(AdviceReceived advice) {
    String title = GIVER_TITLES.getOrDefault(advice.giver(), advice.giver());
    return "- Advice from " + title + ", received " + advice.receivedOn();
  }

  private static Finding finding(Rule rule, Map<String, String> values) {
    String message = rule.message();
    for (Map.Entry<String, String> value : values.entrySet()) {
      message = message.replace("{" + value.getKey() + "}", value.getValue());
    }
    return new Finding(rule.id(), rule.section(), message, rule.blocking(), rule.source());
  }

  /** The lines of a section that say something, without their bullets or numbers. */
  static List<String> items(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return text.lines().map(line -> line.replaceFirst("^\\s*([-*\u2022]|\\d+[.)])\\s*", "").trim())
        .filter(line -> !line.isEmpty()).toList();
  }

  /** A need's area: what comes before its colon ('Communication and interaction: ...'), or null. */
  static String area(String item) {
    int colon = item.indexOf(':');
    if (colon <= 0 || colon > 60) {
      return null;
    }
    String area = item.substring(0, colon).trim();
    return area.isEmpty() ? null : area;
  }

  private static List<String> areas(List<String> needs) {
    return needs.stream().map(PlanQuality::area).filter(a -> a != null).toList();
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
