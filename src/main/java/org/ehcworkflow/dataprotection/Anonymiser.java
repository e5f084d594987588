package org.ehcworkflow.dataprotection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.process.EngineClock;

/**
 * Anonymises the records of cases past their retention period: the child's and family's details, the plan's text,
 * the documents' content and the notices' wording go; the statutory facts (dates, decisions, deadlines, breaches,
 * checksums) stay for the authority's statistics. Each case in its own transaction, recorded in the audit trail.
 */
public class Anonymiser {

  private static final Logger LOG = LoggerFactory.getLogger(Anonymiser.class);
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final RetentionProperties policy;

  public Anonymiser(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail audit, RetentionProperties policy) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.policy = policy;
  }

  /** Anonymises up to a batch of cases due on {@code today}; returns their case references. */
  public List<String> anonymiseDue(LocalDate today) {
    Set<String> due = new LinkedHashSet<>(jdbc.queryForList("""
        select c.case_reference from ehc_case c
        where c.status in ('NOT_ASSESSED', 'NO_PLAN', 'WITHDRAWN') and c.status_date < ? and c.anonymised_at is null
          and not exists (select 1 from ehc_plan p where p.case_reference = c.case_reference and p.status = 'MAINTAINED')
        order by c.status_date""", String.class, Date.valueOf(today.minus(policy.closedCase()))));
    due.addAll(jdbc.queryForList("""
        select case_reference from ehc_plan where status = 'CEASED' and ceased_on < ? and anonymised_at is null
        order by ceased_on""", String.class, Date.valueOf(today.minus(policy.ceasedPlan()))));
    List<String> batch = due.stream().limit(BATCH).toList();
    batch.forEach(caseReference -> transactions.executeWithoutResult(status -> anonymise(caseReference)));
    if (!batch.isEmpty()) {
      LOG.info("Retention: {} case records anonymised", batch.size());
    }
    return batch;
  }

  void anonymise(String caseReference) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    jdbc.update("""
        update case_request set child_given_name = null, child_family_name = null, child_date_of_birth = null,
          contact_email = null, contact_phone = null, summary = null where case_reference = ?""", caseReference);
    jdbc.update("delete from plan_section where case_reference = ?", caseReference);
    jdbc.update("update plan_version_section set content = '' where plan_version_id in "
        + "(select id from plan_version where case_reference = ?)", caseReference);
    jdbc.update("update case_document set content = ? where case_reference = ?", new byte[0], caseReference);
    jdbc.update("update notification_outbox set personalisation = '{}' where case_reference = ?", caseReference);
    jdbc.update("update case_exception set details = null where case_reference = ?", caseReference);
    jdbc.update("delete from family_sign_in where case_reference = ?", caseReference);
    jdbc.update("delete from sen2_person where case_reference = ?", caseReference);
    jdbc.update("update case_record set field_value = null where case_reference = ? and free_text = true",
        caseReference);
    jdbc.update("update ehc_plan set child_date_of_birth = null, contact_email = null, anonymised_at = ? "
        + "where case_reference = ?", now, caseReference);
    jdbc.update("update ehc_case set status_reason = null, anonymised_at = ? where case_reference = ?", now,
        caseReference);
    audit.record("system", AuditTrail.Action.ANONYMISED, caseReference, "retention period over");
  }
}
