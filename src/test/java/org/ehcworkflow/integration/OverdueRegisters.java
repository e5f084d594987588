package org.ehcworkflow.integration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.onboarding.RegisterCsvImport;
import org.ehcworkflow.process.EngineClock;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A go-live storm for the tests: a register whose every review is overdue, imported through the API. */
public final class OverdueRegisters {

  private OverdueRegisters() {
  }

  /** {@code plans} plans, {@code <prefix>-00001} on, each issued about two years ago, so each review is overdue. */
  public static StringBuilder csv(String prefix, int plans) {
    return csv(prefix, plans, 24, 300);
  }

  /** As {@link #csv(String, int)}, each plan issued about two months ago: no review or reminder due for months. */
  public static StringBuilder notYetDue(String prefix, int plans) {
    return csv(prefix, plans, 2, 20);
  }

  private static StringBuilder csv(String prefix, int plans, int issuedMonthsAgo, int spreadDays) {
    LocalDate today = EngineClock.today();
    StringBuilder csv = new StringBuilder(String.join(",", RegisterCsvImport.HEADER)).append('\n');
    for (int i = 1; i <= plans; i++) {
      LocalDate issued = today.minusMonths(issuedMonthsAgo).minusDays(i % spreadDays);
      csv.append(reference(prefix, i)).append(",,").append(today.minusYears(9).minusDays(i % 365))
          .append(",,,Setting ").append(i % 30).append(",16,").append(issued).append(",,\n");
    }
    return csv;
  }

  public static String reference(String prefix, int i) {
    return String.format("%s-%05d", prefix, i);
  }

  /** Posts the register to the onboarding API as the demo administrator; 202 with the import's progress link. */
  public static ResponseEntity<Map> importCsv(TestRestTemplate rest, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return rest.withBasicAuth("demo", "demo").postForEntity("/api/plans/import", new HttpEntity<>(csv, headers),
        Map.class);
  }

  /** The messages the SMTP peer received for this address. */
  static List<MimeMessage> received(GreenMailExtension smtp, String to) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
          found.add(message);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }
}
