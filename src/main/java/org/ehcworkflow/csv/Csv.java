package org.ehcworkflow.csv;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, as councils export it from spreadsheets: fields may be quoted, with "" for a quote inside. */
public final class Csv {

  private Csv() {
  }

  /** The rows of the text, each a list of its fields. */
  public static List<List<String>> parse(String text) {
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

  /** Whether the first row is exactly the header expected (ignoring case and surrounding spaces). */
  public static boolean hasHeader(List<List<String>> rows, List<String> header) {
    return !rows.isEmpty() && rows.get(0).stream().map(String::trim).map(String::toLowerCase).toList().equals(header);
  }

  /** One field as written: quoted when it holds a comma, a quote or a line break; null as empty. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
