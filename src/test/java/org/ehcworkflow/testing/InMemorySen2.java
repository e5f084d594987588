package org.ehcworkflow.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ehcworkflow.sen2.Sen2Details;
import org.ehcworkflow.sen2.Sen2Records;

/** The SEN2 items in memory, for process tests; a reference is known when the predicate says so. */
public final class InMemorySen2 implements Sen2Records {

  private final Map<String, Sen2Details> kept = new HashMap<>();
  private final Predicate<String> known;

  public InMemorySen2(Predicate<String> known) {
    this.known = known;
  }

  @Override
  public Optional<Sen2Details> details(String caseReference) {
    return Optional.ofNullable(kept.get(caseReference));
  }

  @Override
  public boolean known(String caseReference) {
    return known.test(caseReference);
  }

  @Override
  public boolean save(String caseReference, Sen2Details details, LocalDate on, String by) {
    return !details.equals(kept.put(caseReference, details));
  }
}
