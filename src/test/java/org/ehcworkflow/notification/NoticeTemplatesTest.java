package org.ehcworkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {

  private final NoticeTemplates shipped = NoticeTemplates.fromClasspath();

  @Test
  void everyShippedTemplateUsesOnlyFieldsTheServiceSupplies() {
    assertThat(shipped.names()).contains("advice-request", "deadline-breached", "decision-not-to-assess");
    shipped.check(NoticeFields.known(), List.of("advice-request"));
  }

  @Test
  void aTemplateWithAnUnknownFieldStopsTheStart() {
    NoticeTemplates withTypo = new NoticeTemplates(Map.of("reminder",
        NoticeTemplates.parse("reminder", "subject: Due ((deadlne))\n---\nCase ((caseReference))")));
    assertThatThrownBy(() -> withTypo.check(NoticeFields.known(), List.of()))
        .hasMessageContaining("template reminder uses unknown field ((deadlne))");
  }

  @Test
  void aTemplateTheModelsNeedButMissingStopsTheStart() {
    assertThatThrownBy(() -> shipped.check(NoticeFields.known(), List.of("advice-chaser")))
        .hasMessageContaining("advice-chaser");
  }

  @Test
  void aNoticeWithoutAValueItsTemplateNeedsIsRefusedByName() {
    assertThat(shipped.render("deadline-reminder", Map.of("caseReference", "EHC-1", "deadline", "2026-02-16",
        "deadlineTitle", "Decision whether to assess", "legalReference", "reg 5(1)", "tasklistLink", "https://x"))
        .subject()).isEqualTo("Reminder: Decision whether to assess due 2026-02-16, case EHC-1");
    assertThatThrownBy(() -> shipped.render("deadline-reminder", Map.of("caseReference", "EHC-1")))
        .hasMessageContaining("((deadline");
  }

  @Test
  void templatesNeedASubjectLine() {
    assertThatThrownBy(() -> NoticeTemplates.parse("bad", "Hello ((caseReference))"))
        .hasMessageContaining("subject:");
  }
}
