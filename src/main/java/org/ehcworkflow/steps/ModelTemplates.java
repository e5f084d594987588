package org.ehcworkflow.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The notice templates the models name in their steps' {@code template} input parameters. */
final class ModelTemplates {

  private ModelTemplates() {
  }

  static Set<String> named() {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
        Bpmn.readModelFromStream(model.getInputStream()).getModelElementsByType(CamundaInputParameter.class).stream()
            .filter(p -> p.getCamundaName().equals(StepInputs.TEMPLATE.name()))
            .forEach(p -> names.add(p.getTextContent().trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the models could not be read", e);
    }
    return names;
  }
}
