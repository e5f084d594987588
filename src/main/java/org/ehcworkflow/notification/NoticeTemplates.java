package org.ehcworkflow.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The notice templates, files under {@code notification-templates/} named {@code <template>.txt}: a
 * {@code subject:} line, a {@code ---} line, then the body. Fields are written {@code ((name))}, as in GOV.UK
 * Notify, so the same wording can be set up there. Checked when the application starts: a template that uses a
 * field the service never supplies, or a template the models need that is missing, stops the start.
 */
public final class NoticeTemplates {

  static final Pattern FIELD = Pattern.compile("\\(\\(([A-Za-z][A-Za-z0-9]*)\\)\\)");

  /** One template, with the fields its subject and body use. */
  public record Template(String name, String subject, String body, Set<String> fields) {
  }

  /** A template filled in. */
  public record Rendered(String subject, String body) {
  }

  private final Map<String, Template> templates;

  NoticeTemplates(Map<String, Template> templates) {
    this.templates = Map.copyOf(templates);
  }

  public static NoticeTemplates fromClasspath() {
    Map<String, Template> templates = new TreeMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:notification-templates/*.txt")) {
        String name = file.getFilename().replaceFirst("\\.txt$", "");
        templates.put(name, parse(name, new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("notice templates could not be read", e);
    }
    return new NoticeTemplates(templates);
  }

  static Template parse(String name, String text) {
    String[] parts = text.split("\\R---\\R", 2);
    if (parts.length < 2 || !parts[0].startsWith("subject:")) {
      throw new IllegalStateException("notice template " + name + " must start with 'subject: ...' and a '---' line");
    }
    String subject = parts[0].substring("subject:".length()).trim();
    String body = parts[1].strip();
    Set<String> fields = new LinkedHashSet<>();
    for (String part : List.of(subject, body)) {
      Matcher matcher = FIELD.matcher(part);
      while (matcher.find()) {
        fields.add(matcher.group(1));
      }
    }
    return new Template(name, subject, body, fields);
  }

  /**
   * Fails when a template uses a field outside {@code knownFields}, or a template in {@code needed} is missing.
   */
  public NoticeTemplates check(Set<String> knownFields, Collection<String> needed) {
    List<String> problems = new ArrayList<>();
    templates.values().forEach(t -> t.fields().stream().filter(f -> !knownFields.contains(f))
        .forEach(f -> problems.add("template " + t.name() + " uses unknown field ((" + f + "))")));
    needed.stream().filter(n -> !templates.containsKey(n))
        .forEach(n -> problems.add("template " + n + " is needed but notification-templates/" + n + ".txt is missing"));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("notice templates are not usable: " + String.join("; ", problems));
    }
    return this;
  }

  public Template get(String name) {
    Template template = templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no notice template " + name);
    }
    return template;
  }

  /** @throws IllegalArgumentException naming the field when the notice lacks a value the template needs */
  public Rendered render(String name, Map<String, String> values) {
    Template template = get(name);
    return new Rendered(fill(template, template.subject(), values), fill(template, template.body(), values));
  }

  private static String fill(Template template, String text, Map<String, String> values) {
    Matcher matcher = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("template " + template.name() + " needs ((" + matcher.group(1)
            + ")) and the notice has no value for it");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public Set<String> names() {
    return templates.keySet();
  }
}
