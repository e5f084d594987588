package org.ehcworkflow.sen2;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.core.io.Resource;

/**
 * The one place where SEN2's item names and codes live ({@code sen2/sen2-mapping.properties}, or a council's own copy):
 * the XML element of every item, the DfE code of every value this system records, and the code lists officers may
 * choose from.
 */
public final class Sen2Mapping {

  private final Properties properties;

  private Sen2Mapping(Properties properties) {
    this.properties = properties;
  }

  public static Sen2Mapping load(Resource resource) {
    Properties properties = new Properties();
    try (InputStream in = resource.getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("SEN2 mapping " + resource + " cannot be read", e);
    }
    return new Sen2Mapping(properties);
  }

  /** The XML element (and CSV column) of an item. */
  public String element(String item) {
    return required("element." + item);
  }

  public String header(String item) {
    return required("header." + item);
  }

  /** The DfE code of one of this system's values, for example {@code code("requestSource", "PARENT")}. */
  public String code(String list, String value) {
    return required(list + "." + value);
  }

  public String bool(Boolean value) {
    return value == null ? null : required(value ? "boolean.true" : "boolean.false");
  }

  /** The codes an officer may record for an item, for example {@code codes("senType")}. */
  public List<String> codes(String item) {
    return Arrays.stream(required("codes." + item).split(",")).map(String::trim).toList();
  }

  private String required(String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the SEN2 mapping has no " + key);
    }
    return value.trim();
  }
}
