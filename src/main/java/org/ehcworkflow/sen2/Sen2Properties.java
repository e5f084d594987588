package org.ehcworkflow.sen2;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SEN2 return ({@code ehc.sen2}).
 *
 * @param la the authority's 3-digit DfE number, written in the return's header
 * @param mapping where the item names and codes are read from: the shipped file, or a council's corrected copy
 */
@ConfigurationProperties("ehc.sen2")
public record Sen2Properties(@DefaultValue("999") String la,
    @DefaultValue("classpath:sen2/sen2-mapping.properties") String mapping) {

  public Sen2Properties {
    if (!la.matches("\\d{3}")) {
      throw new IllegalArgumentException("ehc.sen2.la '" + la + "' is not the authority's 3-digit DfE number");
    }
  }
}
