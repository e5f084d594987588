package org.ehcworkflow.sen2;

import java.time.LocalDate;
import java.util.Optional;

/** The SEN2 items kept for each child: in {@code sen2_person} ({@link JdbcSen2}), in memory in process tests. */
public interface Sen2Records {

  Optional<Sen2Details> details(String caseReference);

  /** Whether the reference is a case or a plan, which SEN2 details may be kept for. */
  boolean known(String caseReference);

  /** Keeps the details, replacing what was kept before; returns whether anything changed. */
  boolean save(String caseReference, Sen2Details details, LocalDate on, String by);
}
