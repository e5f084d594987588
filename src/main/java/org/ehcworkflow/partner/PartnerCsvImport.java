package org.ehcworkflow.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.csv.Csv;
import org.ehcworkflow.csv.RowProblem;

/**
 * Imports the directory from CSV with the header
 * {@code partner_type,code,organisation_name,email,phone,active}, optionally followed by {@code ukprn} (a setting's
 * UK Provider Reference Number, for SEN2). Valid rows go in (added, or updated by type and code); each invalid row
 * is reported with its line number and reason and changes nothing.
 */
public class PartnerCsvImport {

  static final List<String> HEADER = List.of("partner_type", "code", "organisation_name", "email", "phone", "active");
  static final List<String> HEADER_WITH_UKPRN = List.of("partner_type", "code", "organisation_name", "email", "phone",
      "active", "ukprn");

  private final PartnerDirectory directory;

  public PartnerCsvImport(PartnerDirectory directory) {
    this.directory = directory;
  }

  /** What an import did. */
  public record Report(int added, int updated, List<RowProblem> invalid) {
  }

  public Report importCsv(String csv) {
    List<List<String>> rows = Csv.parse(csv);
    boolean withUkprn = Csv.hasHeader(rows, HEADER_WITH_UKPRN);
    if (!withUkprn && !Csv.hasHeader(rows, HEADER)) {
      throw new IllegalArgumentException("the first line must be the header " + String.join(",", HEADER)
          + " (optionally followed by ,ukprn)");
    }
    int columns = withUkprn ? HEADER_WITH_UKPRN.size() : HEADER.size();
    int added = 0;
    int updated = 0;
    List<RowProblem> invalid = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int line = i + 1;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != columns) {
        invalid.add(new RowProblem(line, "has " + row.size() + " fields, expected " + columns));
        continue;
      }
      String active = row.get(5).trim().toLowerCase();
      if (!List.of("", "true", "false", "yes", "no").contains(active)) {
        invalid.add(new RowProblem(line, "active '" + row.get(5) + "' must be true or false"));
        continue;
      }
      try {
        // A file without the ukprn column keeps the UKPRN a setting already has.
        String ukprn = withUkprn ? row.get(6)
            : directory.setting(row.get(1).trim()).map(Partner::ukprn).orElse(null);
        Partner partner = Partner.of(null, row.get(0).trim(), row.get(1), ukprn, row.get(2), row.get(3), row.get(4),
            active.isEmpty() || Map.of("true", true, "yes", true).containsKey(active));
        if (directory.save(partner)) {
          added++;
        } else {
          updated++;
        }
      } catch (Partner.InvalidPartner e) {
        invalid.add(new RowProblem(line, e.getMessage()));
      }
    }
    return new Report(added, updated, invalid);
  }
}
