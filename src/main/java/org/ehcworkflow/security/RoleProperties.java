package org.ehcworkflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The roles ({@code ehc.security.roles.<group>}): each a Camunda group with its name and its grants, written
 * {@code RESOURCE:resource-id:PERMISSION,PERMISSION} with Camunda's resource and permission names, for example
 * {@code PROCESS_DEFINITION:*:READ,READ_INSTANCE}. The defaults are in application.yml; a council adds a group
 * (say a data protection officer) or widens one there. The groups the models name must stay configured.
 *
 * @param roles by Camunda group id
 */
@ConfigurationProperties("ehc.security")
public record RoleProperties(@DefaultValue Map<String, Role> roles) {

  public record Role(String name, @DefaultValue List<String> grants) {
  }
}
