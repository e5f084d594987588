package org.ehcworkflow.sen2;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ehcworkflow.process.EngineClock;

/** The return for a census date, read from the database and written as the DfE's XML, CSV per module, or the report. */
public class Sen2Returns {

  private final JdbcSen2 store;
  private final Sen2Mapping mapping;
  private final String la;
  private final Supplier<Map<String, String>> ukprns;

  /** @param ukprns each setting's UKPRN by its code, read afresh for every return */
  public Sen2Returns(JdbcSen2 store, Sen2Mapping mapping, String la, Supplier<Map<String, String>> ukprns) {
    this.store = store;
    this.mapping = mapping;
    this.la = la;
    this.ukprns = ukprns;
  }

  public Sen2Return.Return build(LocalDate census) {
    return Sen2Return.build(census, la, store.facts(), ukprns.get());
  }

  public String xml(Sen2Return.Return sen2) {
    return new Sen2Files(mapping).xml(sen2, EngineClock.now(),
        Integer.toString(sen2.census().getYear()));
  }

  public Map<String, String> csv(Sen2Return.Return sen2) {
    return new Sen2Files(mapping).csv(sen2);
  }

  public List<Sen2Validation.Problem> validation(Sen2Return.Return sen2) {
    return Sen2Validation.check(sen2);
  }

  public Sen2Mapping mapping() {
    return mapping;
  }
}
