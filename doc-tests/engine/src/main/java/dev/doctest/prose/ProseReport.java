package dev.doctest.prose;

import java.util.List;

/**
 * What a prose check found, and how much it looked at — so a test can tell "nothing wrong" from
 * "nothing checked".
 *
 * @param findings every name that does not exist, at its {@code file:line}
 * @param pages how many pages were read
 * @param spans how many code spans the vocabulary recognised as its names
 * @param files how many file blocks were checked
 */
public record ProseReport(List<Finding> findings, int pages, int spans, int files) {
  public ProseReport {
    findings = List.copyOf(findings);
  }
}
