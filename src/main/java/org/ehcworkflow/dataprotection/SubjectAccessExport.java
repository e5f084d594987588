package org.ehcworkflow.dataprotection;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything held about one child, for a subject access request (UK GDPR Art. 15): the case file and request,
 * the plan register and its history, every plan version, every document with its content, the notices sent, the
 * deadlines and breaches, the audit trail, and the engine's record of every step and value of the child's processes.
 */
public class SubjectAccessExport {

  private final JdbcTemplate jdbc;
  private final HistoryService history;

  public SubjectAccessExport(JdbcTemplate jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** Null when nothing at all is held under the case reference. */
  public Map<String, Object> export(String caseReference) {
    Map<String, Object> held = new LinkedHashMap<>();
    held.put("caseReference", caseReference);
    held.put("case", rows("select * from ehc_case where case_reference = ?", caseReference));
    held.put("request", rows("select * from case_request where case_reference = ?", caseReference));
    held.put("exceptions", rows("select * from case_exception where case_reference = ? order by id", caseReference));
    held.put("breaches", rows("select * from case_breach where case_reference = ? order by id", caseReference));
    held.put("steps", rows("select * from case_record where case_reference = ? order by id", caseReference));
    held.put("deadlines", rows("select * from deadline_ledger where case_reference = ? order by id", caseReference));
    held.put("plan", rows("select * from ehc_plan where case_reference = ?", caseReference));
    held.put("planHistory", rows("select * from ehc_plan_event where case_reference = ? order by id", caseReference));
    held.put("planWorkingCopy", rows("select * from plan_section where case_reference = ? order by section",
        caseReference));
    held.put("planVersions", rows("""
        select v.version, v.kind, v.created_at, v.created_by, s.section, s.content from plan_version v
        left join plan_version_section s on s.plan_version_id = v.id where v.case_reference = ?
        order by v.version, s.section""", caseReference));
    List<Map<String, Object>> documents = rows("select * from case_document where case_reference = ? order by id",
        caseReference);
    documents.forEach(d -> d.computeIfPresent("content", (k, v) -> Base64.getEncoder().encodeToString((byte[]) v)));
    held.put("documents", documents);
    held.put("notices", rows("""
        select id, recipient_kind, recipient_id, channel, template, personalisation, status, attempts, created_at,
          sent_at from notification_outbox where case_reference = ? order by id""", caseReference));
    held.put("auditTrail", rows("select * from audit_event where case_reference = ? order by id", caseReference));
    held.put("processes", processes(caseReference));
    boolean empty = held.entrySet().stream().filter(e -> !e.getKey().equals("caseReference"))
        .allMatch(e -> e.getValue() instanceof List<?> list && list.isEmpty());
    return empty ? null : held;
  }

  private List<Map<String, Object>> processes(String caseReference) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).list().stream()
        .map(this::process).toList();
  }

  private Map<String, Object> process(HistoricProcessInstance instance) {
    Map<String, Object> process = new LinkedHashMap<>();
    process.put("process", instance.getProcessDefinitionKey());
    process.put("id", instance.getId());
    process.put("started", instance.getStartTime());
    process.put("ended", instance.getEndTime());
    process.put("steps", history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list().stream().map(a -> {
          Map<String, Object> step = new LinkedHashMap<>();
          step.put("step", a.getActivityName());
          step.put("started", a.getStartTime());
          step.put("ended", a.getEndTime());
          step.put("assignee", a.getAssignee());
          return step;
        }).toList());
    process.put("values", history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .stream().map(v -> {
          Map<String, Object> value = new LinkedHashMap<>();
          value.put("name", v.getName());
          value.put("value", String.valueOf(v.getValue()));
          return value;
        }).toList());
    return process;
  }

  private List<Map<String, Object>> rows(String sql, Object... args) {
    return jdbc.queryForList(sql, args).stream().map(row -> {
      Map<String, Object> lower = new LinkedHashMap<>();
      row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
      return lower;
    }).toList();
  }
}
