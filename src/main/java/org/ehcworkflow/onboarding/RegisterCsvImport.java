package org.ehcworkflow.onboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.process.CaseReferences;
import org.ehcworkflow.csv.Csv;
import org.ehcworkflow.csv.RowProblem;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.IsoDates;
import org.ehcworkflow.sen2.Sen2Details;
import org.ehcworkflow.sen2.Sen2Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboards an existing register from CSV with the header {@link #HEADER}. Each valid plan enters the register with
 * its review due 12 months from the last review (or issue; the under-5 cycle for young children). A review due to be
 * prepared within weeks starts its cycle at once (an overdue one shows as overdue); the others wait in the register
 * until their cycle's day, so a large register loads without a running process per plan. Invalid rows are reported
 * by line and reason while valid rows go in.
 * A case reference already in the register is left as it is, so importing the same file again changes nothing.
 * The SEN2 items may follow as optional columns ({@link Sen2Intake#COLUMNS}); they are kept with a plan entered.
 */
public class RegisterCsvImport {

  public static final List<String> HEADER = List.of("case_reference", "council_reference", "date_of_birth",
      "year_group", "setting_code", "setting_name", "setting_upper_age", "issue_date", "last_review_date",
      "contact_email");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int BATCH = 200;
  private static final String DETAILS = "onboarded from the council's register";
  private static final Logger LOG = LoggerFactory.getLogger(RegisterCsvImport.class);

  private final PlanRegister register;
  private final AnnualReviews reviews;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final Sen2Intake sen2;
  private final PlannerStatistics statistics;

  public RegisterCsvImport(PlanRegister register, AnnualReviews reviews, RuntimeService runtime,
      TransactionTemplate transactions) {
    this(register, reviews, runtime, transactions, null, null);
  }

  /**
   * @param sen2 reads and keeps the optional SEN2 columns; without it a file that has them is refused
   * @param statistics refreshed when a load has entered many plans; none, never
   */
  RegisterCsvImport(PlanRegister register, AnnualReviews reviews, RuntimeService runtime,
      TransactionTemplate transactions, Sen2Intake sen2, PlannerStatistics statistics) {
    this.register = register;
    this.reviews = reviews;
    this.runtime = runtime;
    this.transactions = transactions;
    this.sen2 = sen2;
    this.statistics = statistics;
  }

  /**
   * What an import did.
   *
   * @param imported plans entered, each with its review cycle started
   * @param unchanged rows whose case reference was already in the register
   * @param overdue of those imported, reviews already overdue (they start at once)
   */
  public record Report(int imported, int unchanged, int overdue, List<RowProblem> invalid) {
  }

  /**
   * A file read and checked, before anything is entered: the valid rows and the invalid ones, each with its line.
   *
   * @param rows data rows in the file (blank lines not counted)
   * @param lastLine the file's last line number, so work can be split and resumed by line
   */
  public record Parsed(int rows, int lastLine, List<Row> valid, List<RowProblem> invalid) {
  }

  /** A valid row of the file, the plan it enters and the SEN2 items it gives (null if none). */
  public record Row(int line, Plan plan, Sen2Details sen2) {

    public Row(int line, Plan plan) {
      this(line, plan, null);
    }
  }

  /** @throws IllegalArgumentException when the first line is not the header */
  public Parsed read(String csv) {
    List<List<String>> rows = Csv.parse(csv);
    List<String> withSen2 = new ArrayList<>(HEADER);
    withSen2.addAll(Sen2Intake.COLUMNS);
    boolean sen2Columns = sen2 != null && Csv.hasHeader(rows, withSen2);
    if (!Csv.hasHeader(rows, HEADER) && !sen2Columns) {
      throw new IllegalArgumentException("the first line must be the header " + String.join(",", HEADER)
          + (sen2 == null ? "" : ", optionally followed by the SEN2 columns " + String.join(",", Sen2Intake.COLUMNS)));
    }
    LocalDate today = EngineClock.today();
    List<RowProblem> invalid = new ArrayList<>();
    List<Row> valid = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int data = 0;
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int line = i + 1;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      data++;
      try {
        if (sen2Columns && row.size() != withSen2.size()) {
          throw new IllegalArgumentException("has " + row.size() + " fields, expected " + withSen2.size());
        }
        Plan plan = plan(sen2Columns ? row.subList(0, HEADER.size()) : row, today);
        Sen2Details items = sen2Columns ? sen2.read(row.subList(HEADER.size(), row.size())) : null;
        if (!seen.add(plan.caseReference())) {
          throw new IllegalArgumentException("case_reference " + plan.caseReference() + " appears twice in the file");
        }
        valid.add(new Row(line, plan, items));
      } catch (IllegalArgumentException e) {
        invalid.add(new RowProblem(line, e.getMessage()));
      }
    }
    return new Parsed(data, rows.size(), valid, invalid);
  }

  /** Imports a whole file in this thread, in committed batches; see {@code RegisterImports} for the background job. */
  public Report importCsv(String csv) {
    Parsed parsed = read(csv);
    List<RowProblem> invalid = new ArrayList<>(parsed.invalid());
    int[] counts = enterInBatches(parsed.valid(), invalid);
    invalid.sort(java.util.Comparator.comparingInt(RowProblem::line));
    LOG.info("Register import: {} imported, {} unchanged, {} overdue, {} invalid", counts[0], counts[1], counts[2],
        invalid.size());
    loaded(counts[0]);
    return new Report(counts[0], counts[1], counts[2], invalid);
  }

  /** A load has finished, having entered that many plans: see {@link PlannerStatistics}. */
  void loaded(int plansEntered) {
    if (statistics != null) {
      statistics.loaded(plansEntered);
    }
  }

  /**
   * Enters the rows in committed batches; a batch the database refuses is entered row by row, so one bad row never
   * holds back the others (it is added to {@code invalid}).
   *
   * @return imported, unchanged, overdue
   */
  int[] enterInBatches(List<Row> valid, List<RowProblem> invalid) {
    LocalDate today = EngineClock.today();
    int[] counts = new int[3];
    for (int from = 0; from < valid.size(); from += BATCH) {
      List<Row> batch = valid.subList(from, Math.min(valid.size(), from + BATCH));
      try {
        int[] batchCounts = transactions.execute(status -> enter(batch, today));
        add(counts, batchCounts);
      } catch (RuntimeException batchFailed) {
        for (Row row : batch) {
          try {
            add(counts, transactions.execute(status -> enter(List.of(row), today)));
          } catch (RuntimeException e) {
            LOG.warn("Register import: line {} not entered: {}", row.line(), e.getClass().getSimpleName());
            invalid.add(new RowProblem(row.line(), "could not be entered: " + e.getClass().getSimpleName()));
          }
        }
      }
    }
    return counts;
  }

  /**
   * Enters the rows in the caller's transaction, in one batch: imported, unchanged, overdue. A plan whose review
   * cycle is not due to start yet ({@link AnnualReviews#cycleStartsOn}) waits in the register; the daily
   * {@code ehc-review-cycle-starts} run starts it on its day. The rest start their cycle now.
   */
  int[] enter(List<Row> rows, LocalDate today) {
    int[] counts = new int[3];
    List<Plan> plans = new ArrayList<>(rows.size());
    List<LocalDate> startsOn = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Plan plan = row.plan().withNextReviewDue(reviews.nextDue(row.plan()));
      LocalDate cycleStarts = reviews.cycleStartsOn(plan);
      plans.add(plan);
      startsOn.add(cycleStarts.isAfter(today) ? cycleStarts : null);
    }
    boolean[] entered = register.enterAll(plans, startsOn, PlanEvent.Kind.ONBOARDED, DETAILS, "import");
    List<Plan> startNow = new ArrayList<>();
    for (int i = 0; i < entered.length; i++) {
      if (!entered[i]) {
        counts[1]++;
        continue;
      }
      keepSen2(rows.get(i), today);
      counts[0]++;
      Plan plan = plans.get(i);
      if (startsOn.get(i) == null) {
        startNow.add(plan);
        if (plan.nextReviewDue().isBefore(today)) {
          counts[2]++;
        }
      }
    }
    startTogether(startNow);
    return counts;
  }

  /**
   * Starts the batch's review cycles in one engine command, so the engine writes them in one flush: each kind of row
   * (executions, variables, jobs, history) goes to the database as one JDBC batch for the whole batch of plans,
   * instead of one round of statements per plan. Each start is the same call as alone; the caller's transaction holds
   * them all, so a batch the database refuses is retried plan by plan as before.
   */
  private void startTogether(List<Plan> plans) {
    if (plans.isEmpty()) {
      return;
    }
    ((ServiceImpl) runtime).getCommandExecutor().execute(context -> {
      plans.forEach(plan -> reviews.startEntered(runtime, plan));
      return null;
    });
  }

  private void keepSen2(Row row, LocalDate today) {
    if (row.sen2() != null) {
      sen2.keep(row.plan().caseReference(), row.sen2(), today);
    }
  }

  static void add(int[] total, int[] more) {
    for (int i = 0; i < total.length; i++) {
      total[i] += more[i];
    }
  }


  /** @throws IllegalArgumentException naming the field and what is wrong with it */
  static Plan plan(List<String> row, LocalDate today) {
    if (row.size() != HEADER.size()) {
      throw new IllegalArgumentException("has " + row.size() + " fields, expected " + HEADER.size());
    }
    String reference = row.get(0).trim();
    if (!CaseReferences.valid(reference)) {
      throw new IllegalArgumentException("case_reference '" + reference + "' must be " + CaseReferences.DESCRIPTION);
    }
    LocalDate born = optionalDate("date_of_birth", row.get(2));
    if (born != null && (born.isAfter(today) || born.isBefore(today.minusYears(26)))) {
      throw new IllegalArgumentException("date_of_birth is outside the ages a plan covers (0 to 25)");
    }
    Integer yearGroup = optionalInt("year_group", row.get(3), -2, 14);
    if (born == null && yearGroup == null) {
      throw new IllegalArgumentException("date_of_birth or year_group is required");
    }
    String councilReference = text("council_reference", row.get(1), 100);
    String settingCode = text("setting_code", row.get(4), 40);
    String settingName = text("setting_name", row.get(5), 200);
    if (settingName == null) {
      throw new IllegalArgumentException("setting_name is required: the school or type of setting in section I");
    }
    Integer upperAge = optionalInt("setting_upper_age", row.get(6), 3, 25);
    LocalDate issued = optionalDate("issue_date", row.get(7));
    if (issued == null) {
      throw new IllegalArgumentException("issue_date is required");
    }
    LocalDate reviewed = optionalDate("last_review_date", row.get(8));
    if (issued.isAfter(today) || reviewed != null && reviewed.isAfter(today)) {
      throw new IllegalArgumentException("issue_date and last_review_date cannot be in the future");
    }
    if (reviewed != null && reviewed.isBefore(issued)) {
      throw new IllegalArgumentException("last_review_date " + reviewed + " is before issue_date " + issued);
    }
    String email = text("contact_email", row.get(9), 320);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("contact_email is not an email address");
    }
    int receptionYear = yearGroup != null ? SchoolYears.receptionYearOf(yearGroup, today)
        : SchoolYears.receptionYear(born, 0);
    return new Plan(reference, councilReference, born, receptionYear, email, settingCode, settingName, upperAge,
        issued, reviewed, null, PlanStatus.MAINTAINED, null, null, Plan.Source.ONBOARDED);
  }

  private static LocalDate optionalDate(String field, String value) {
    return value == null || value.isBlank() ? null : IsoDates.parse(field, value);
  }

  private static Integer optionalInt(String field, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(field + " '" + value + "' must be a whole number from " + min + " to " + max);
  }

  /** The field's text, null when blank; longer than the register keeps, it is refused naming the field. */
  private static String text(String field, String value, int maxLength) {
    String text = blankToNull(value);
    if (text != null && text.length() > maxLength) {
      throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
