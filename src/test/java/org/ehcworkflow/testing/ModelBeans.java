package org.ehcworkflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The beans the models name: each {@code camunda:delegateExpression="${name}"} (and
 * {@code camunda:variableMappingDelegateExpression}) and each {@code ${name.method(...)}}
 * in an expression or listener ({@code execution} and {@code task} are the engine's own). The application and the
 * process tests must both provide every one, with the same class.
 */
public final class ModelBeans {

  private static final Pattern DELEGATE = Pattern.compile("(?:d|variableMappingD)elegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern CALL = Pattern.compile("\\$\\{(\\w+)\\.\\w+\\(");
  private static final Set<String> ENGINE = Set.of("execution", "task");

  private ModelBeans() {
  }

  public static Set<String> named() {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model);
        for (Pattern pattern : new Pattern[] {DELEGATE, CALL}) {
          Matcher found = pattern.matcher(xml);
          while (found.find()) {
            if (!ENGINE.contains(found.group(1))) {
              names.add(found.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the models in bpmn/ could not be read", e);
    }
    return names;
  }
}
