package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link TimersTogether} joins an acquisition's cases for its threads; the running itself is tested on PostgreSQL. */
class TimersTogetherTest {

  @Test
  void casesAreJoinedInOrderUpToTheSizeAndACasesJobsStayTogether() {
    List<List<String>> acquired = List.of(List.of("a"), List.of("b1", "b2"), List.of("c"), List.of("d"));

    assertThat(TimersTogether.groups(acquired, 3)).containsExactly(List.of("a", "b1", "b2"), List.of("c", "d"));
    assertThat(TimersTogether.groups(acquired, 2)).containsExactly(List.of("a"), List.of("b1", "b2"),
        List.of("c", "d"));
    assertThat(TimersTogether.groups(acquired, 1)).as("a case's jobs larger than the size stay whole")
        .containsExactly(List.of("a"), List.of("b1", "b2"), List.of("c"), List.of("d"));
    assertThat(TimersTogether.groups(List.of(), 8)).isEmpty();
  }

  @Test
  void aSizeBelowOneIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new TimersTogether(0)).hasMessage(
        "ehc.jobs.timers-per-transaction must be at least 1, got 0");
  }
}
