package org.ehcworkflow.security;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with the council's OpenID Connect provider (Entra ID, Keycloak, ...), {@code ehc.security.oidc.*}:
 * off until {@code issuer-uri} is set. Bearer tokens on the engine REST API and the project's API are then checked
 * against the provider's keys, and the token's groups map to the roles' Camunda groups.
 *
 * @param issuerUri the provider's issuer; tokens must carry it as {@code iss}
 * @param jwkSetUri where the signing keys are; by default read from the issuer's OpenID discovery document
 * @param audience the API's client id or audience, required in {@code aud} when set
 * @param usernameClaim the claim naming the user (must match the Camunda user id for task assignment)
 * @param groupsClaim the claim listing the user's groups or roles
 * @param groupMapping the provider's group names to Camunda groups (coordinators, managers, health, ...); a group
 *     not listed is ignored, so nobody gains a role by accident
 */
@ConfigurationProperties("ehc.security.oidc")
public record OidcProperties(URI issuerUri, URI jwkSetUri, String audience,
    @DefaultValue("preferred_username") String usernameClaim, @DefaultValue("groups") String groupsClaim,
    @DefaultValue Map<String, String> groupMapping) {

  public boolean enabled() {
    return issuerUri != null && !issuerUri.toString().isBlank();
  }
}
