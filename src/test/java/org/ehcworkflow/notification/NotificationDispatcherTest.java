package org.ehcworkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

  @Test
  void aFailureReasonNeverKeepsAnAddress() {
    String smtp = "Failed messages: jakarta.mail.SendFailedException: Invalid Addresses; nested exception is: "
        + "550 5.1.1 <family.name@home.example> User unknown, and cc someone@council.example";
    assertThat(NotificationDispatcher.withoutAddresses(smtp))
        .doesNotContain("family.name", "home.example", "someone@")
        .contains("550 5.1.1 <<address>> User unknown");
    assertThat(NotificationDispatcher.withoutAddresses(null)).isEqualTo("unknown");
    assertThat(NotificationDispatcher.withoutAddresses("x".repeat(2000))).hasSize(900);
  }
}
