package org.ehcworkflow.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports the directory from CSV with the header
 * {@code partner_type,code,organisation_name,email,phone,active}. Valid rows go in (added, or updated by type
 * and code); each invalid row is reported with its line number and reason and changes nothing.
 */
public class PartnerCsvImport {

  static final List<String> HEADER = List.of("partner_type", "code", "organisation_name", "email", "phone", "active");

  private final PartnerDirectory directory;

  public PartnerCsvImport(PartnerDirectory directory) {
    this.directory = directory;
  }

  /** What an import did. */
  public record Report(int added, int updated, List<Problem> invalid) {
  }

  /** A row that did not go in: its line in the file, and why. */
  public record Problem(int line, String reason) {
  }

  public Report importCsv(String csv) {
    List<List<String>> rows = Csv.parse(csv);
    if (rows.isEmpty() || !rows.get(0).stream().map(String::trim).map(String::toLowerCase).toList().equals(HEADER)) {
      throw new IllegalArgumentException("the first line must be the header " + String.join(",", HEADER));
    }
    int added = 0;
    int updated = 0;
    List<Problem> invalid = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      int line = i + 1;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != HEADER.size()) {
        invalid.add(new Problem(line, "has " + row.size() + " fields, expected " + HEADER.size()));
        continue;
      }
      String active = row.get(5).trim().toLowerCase();
      if (!List.of("", "true", "false", "yes", "no").contains(active)) {
        invalid.add(new Problem(line, "active '" + row.get(5) + "' must be true or false"));
        continue;
      }
      try {
        Partner partner = Partner.of(null, row.get(0).trim(), row.get(1), row.get(2), row.get(3), row.get(4),
            active.isEmpty() || Map.of("true", true, "yes", true).containsKey(active));
        if (directory.save(partner)) {
          added++;
        } else {
          updated++;
        }
      } catch (Partner.InvalidPartner e) {
        invalid.add(new Problem(line, e.getMessage()));
      }
    }
    return new Report(added, updated, invalid);
  }

  /** RFC 4180 CSV: fields may be quoted, with "" for a quote inside. */
  static final class Csv {
    private Csv() {
    }

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
