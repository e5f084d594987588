package org.ehcworkflow.csv;

/** A row of an imported file that did not go in: its line in the file, and why. */
public record RowProblem(int line, String reason) {
}
