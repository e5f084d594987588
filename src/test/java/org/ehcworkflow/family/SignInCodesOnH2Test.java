package org.ehcworkflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ehcworkflow.family.SignInCodes.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sign-in codes on the embedded default (H2, which answers timestamps with time zone differently from
 * PostgreSQL), against the project's own migration: a right code signs in once, wrong ones count down to a lock,
 * an expired one says so, and a case gets only so many codes in the window.
 */
class SignInCodesOnH2Test {

  private JdbcTemplate jdbc;
  private SignInCodes codes;

  @BeforeEach
  void database() throws Exception {
    jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:codes" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
        "sa", ""));
    String migration = Files.readString(Path.of("src/main/resources/db/migration/V12__family_and_caseload.sql"));
    for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
    }
    codes = new SignInCodes(jdbc, Duration.ofMinutes(15), 3, 2, Duration.ofMinutes(15));
  }

  @Test
  void aRightCodeSignsInOnceAndWrongOnesCountDownToALock() {
    SignInCodes.Issued issued = codes.issue("EHC-2026-00001");
    assertThat(issued.code()).matches("\\d{6}");
    assertThat(jdbc.queryForObject("select count(*) from family_sign_in where code_hash = ?", Integer.class,
        issued.code())).as("the code itself is never stored").isZero();
    String wrong = issued.code().equals("000000") ? "111111" : "000000";
    assertThat(codes.check(issued.challenge(), wrong)).isEqualTo(new SignInCodes.Checked(Outcome.WRONG, null, 2));
    SignInCodes.Checked in = codes.check(issued.challenge(), " " + issued.code() + " ");
    assertThat(in.outcome()).isEqualTo(Outcome.SIGNED_IN);
    assertThat(in.caseReference()).isEqualTo("EHC-2026-00001");
    assertThat(codes.check(issued.challenge(), issued.code()).outcome()).isEqualTo(Outcome.USED);
    assertThat(codes.check("no-such-challenge", issued.code()).outcome()).isEqualTo(Outcome.UNKNOWN);

    SignInCodes.Issued next = codes.issue("EHC-2026-00001");
    String other = next.code().equals("000000") ? "111111" : "000000";
    codes.check(next.challenge(), other);
    codes.check(next.challenge(), other);
    assertThat(codes.check(next.challenge(), other).outcome()).isEqualTo(Outcome.LOCKED);
    assertThat(codes.check(next.challenge(), next.code()).outcome()).as("locked even for the right code")
        .isEqualTo(Outcome.LOCKED);
  }

  @Test
  void anExpiredCodeSaysSoAndACaseGetsOnlySoManyCodes() {
    SignInCodes.Issued issued = codes.issue("EHC-2026-00002");
    jdbc.update("update family_sign_in set expires_at = dateadd('MINUTE', -30, expires_at)");
    assertThat(codes.check(issued.challenge(), issued.code()).outcome()).isEqualTo(Outcome.EXPIRED);
    codes.issue("EHC-2026-00002");
    assertThatThrownBy(() -> codes.issue("EHC-2026-00002")).isInstanceOf(SignInCodes.TooMany.class);
    assertThat(codes.issue("EHC-2026-00003").code()).as("another case is not held up").matches("\\d{6}");
  }
}
