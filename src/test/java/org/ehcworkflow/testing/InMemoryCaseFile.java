package org.ehcworkflow.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseStatus;

/** The case file in memory, for process tests without a database. */
public class InMemoryCaseFile implements CaseFile {

  public final Map<String, OpenedCase> cases = new ConcurrentHashMap<>();
  public final Map<String, ChildDetails> requestDetails = new ConcurrentHashMap<>();
  public final Map<String, List<Breach>> breaches = new ConcurrentHashMap<>();
  public final Map<String, List<TimeLimitException>> exceptions = new ConcurrentHashMap<>();
  public final Map<String, List<StepRecord>> steps = new ConcurrentHashMap<>();
  public final Map<String, String> coordinators = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> counters = new ConcurrentHashMap<>();

  @Override
  public String nextCaseReference(int year) {
    return String.format("EHC-%d-%05d", year,
        counters.computeIfAbsent(year, y -> new AtomicInteger()).incrementAndGet());
  }

  @Override
  public boolean exists(String caseReference) {
    return cases.containsKey(caseReference);
  }

  @Override
  public void open(OpenedCase openedCase) {
    cases.put(openedCase.caseReference(), openedCase);
  }

  @Override
  public void recordRequestDetails(String caseReference, ChildDetails details) {
    requestDetails.put(caseReference, details);
  }

  @Override
  public Optional<ChildDetails> requestDetails(String caseReference) {
    return Optional.ofNullable(requestDetails.get(caseReference));
  }

  @Override
  public Optional<OpenedCase> find(String caseReference) {
    return Optional.ofNullable(cases.get(caseReference));
  }

  @Override
  public void recordBreach(String caseReference, TimeLimit limit, String scope, LocalDate due) {
    List<Breach> list = breaches.computeIfAbsent(caseReference, k -> new ArrayList<>());
    if (list.stream().noneMatch(b -> b.timeLimit() == limit && b.scope().equals(scope) && b.due().equals(due))) {
      list.add(new Breach(limit, scope, due));
    }
  }

  @Override
  public List<Breach> breaches(String caseReference) {
    return breaches.getOrDefault(caseReference, List.of());
  }

  @Override
  public void recordException(String caseReference, TimeLimitException exception) {
    exceptions.computeIfAbsent(caseReference, k -> new ArrayList<>()).add(exception);
  }

  @Override
  public List<TimeLimitException> exceptions(String caseReference) {
    return exceptions.getOrDefault(caseReference, List.of());
  }

  @Override
  public void close(String caseReference, CaseStatus status, LocalDate on, String reason) {
    OpenedCase c = cases.get(caseReference);
    cases.put(caseReference, new OpenedCase(c.caseReference(), c.processInstanceId(), c.requesterType(),
        c.requestReceivedDate(), c.councilReference(), c.currentSettingCode(), status));
  }

  @Override
  public void recordStep(StepRecord record) {
    steps.computeIfAbsent(record.caseReference(), k -> new ArrayList<>()).add(record);
  }

  @Override
  public List<StepRecord> steps(String caseReference) {
    return steps.getOrDefault(caseReference, List.of());
  }

  @Override
  public void assignCoordinator(String caseReference, String userId, LocalDate on, String assignedBy) {
    coordinators.put(caseReference, userId);
  }

  @Override
  public Optional<String> coordinator(String caseReference) {
    return Optional.ofNullable(coordinators.get(caseReference));
  }
}
