package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ehcworkflow.annualreview.AnnualReviewVariables;
import org.ehcworkflow.disagreement.DisagreementVariables;
import org.ehcworkflow.needsassessment.AdviceGiver;
import org.ehcworkflow.needsassessment.NeedsAssessmentVariables;
import org.ehcworkflow.phasetransfer.PhaseTransferVariables;
import org.ehcworkflow.plan.PlanVariables;
import org.ehcworkflow.sen2.Sen2Variables;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Nothing a person enters in a form is dropped: every input field of every form in forms/ is a declared process
 * variable that some code or model reads, and every choice a select or radio offers is one the server accepts (its
 * declared codes). A form field nobody reads, or a choice the server refuses, fails here.
 */
class FormContractTest {

  private static final List<Class<?>> CONTRACTS = List.of(NeedsAssessmentVariables.class,
      AnnualReviewVariables.class, PlanVariables.class, PhaseTransferVariables.class,
      DisagreementVariables.class, Sen2Variables.class);

  /** A declared variable: its constant, the class declaring it, the variable. */
  record Declared(String constant, Class<?> owner, ProcessVariable<?> variable) {
  }

  @TestFactory
  Stream<DynamicTest> everyFormFieldHasAReaderAndEveryChoiceIsAccepted() throws Exception {
    Map<String, List<Declared>> declared = declared();
    String mainSources = sources(Path.of("src/main/java"), ".java");
    String models = sources(Path.of("bpmn"), ".bpmn");
    List<DynamicTest> tests = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        List<JsonNode> inputs = new ArrayList<>();
        collect(json.readTree(form.toFile()), inputs);
        for (JsonNode field : inputs) {
          String key = field.get("key").asText();
          tests.add(DynamicTest.dynamicTest(form.getFileName() + " " + key, () -> {
            if (AdviceGiverField.is(key)) {
              assertThat(field.get("type").asText()).as("advice giver %s is a checkbox", key).isEqualTo("checkbox");
              return;
            }
            assertThat(declared).as("%s of %s is a declared process variable", key, form.getFileName())
                .containsKey(key);
            boolean read = declared.get(key).stream().anyMatch(d -> readElsewhere(d, mainSources))
                || models.matches("(?s).*\\$\\{[^}]*\\b" + key + "\\b.*");
            assertThat(read).as("%s of %s is read by code or a model", key, form.getFileName()).isTrue();
            String type = field.get("type").asText();
            if (type.equals("checkbox")) {
              assertThat(declared.get(key)).as("%s is a true/false variable", key)
                  .anyMatch(d -> d.variable().type() == Boolean.class);
            }
            if (field.has("values")) {
              List<String> offered = new ArrayList<>();
              field.get("values").forEach(v -> offered.add(v.get("value").asText()));
              assertThat(declared.get(key)).as("the choices of %s in %s are codes the server accepts", key,
                  form.getFileName()).anyMatch(d -> !d.variable().codes().isEmpty()
                      && d.variable().codes().containsAll(offered));
            }
          }));
        }
      }
    }
    return tests.stream();
  }

  /** The constant is used outside the class that declares it ({@code NeedsAssessmentVariables.DISAGREEMENT}). */
  private static boolean readElsewhere(Declared d, String mainSources) {
    return mainSources.contains(d.owner().getSimpleName() + "." + d.constant() + ".")
        || mainSources.contains(d.owner().getSimpleName() + "." + d.constant() + ")")
        || mainSources.contains(d.owner().getSimpleName() + "." + d.constant() + ",");
  }

  private static final class AdviceGiverField {
    static boolean is(String key) {
      return Stream.of(AdviceGiver.values()).anyMatch(giver -> giver.formField().equals(key));
    }
  }

  private static Map<String, List<Declared>> declared() throws IllegalAccessException {
    Map<String, List<Declared>> byName = new HashMap<>();
    for (Class<?> contract : CONTRACTS) {
      for (Field field : contract.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
          ProcessVariable<?> variable = (ProcessVariable<?>) field.get(null);
          byName.computeIfAbsent(variable.name(), k -> new ArrayList<>())
              .add(new Declared(field.getName(), contract, variable));
        }
      }
    }
    return byName;
  }

  /** Input fields: those with a key that a person can change. */
  private static void collect(JsonNode node, List<JsonNode> inputs) {
    for (JsonNode component : node.path("components")) {
      if (component.has("key") && !component.path("readonly").asBoolean(false)
          && !component.path("disabled").asBoolean(false)) {
        inputs.add(component);
      }
      collect(component, inputs);
    }
  }

  private static String sources(Path root, String suffix) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        all.append(Files.readString(file)).append('\n');
      }
    }
    return all.toString();
  }
}
