package org.ehcworkflow.document;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of documents ({@code ehc.documents.*}). Documents are always stored in the project's database; with
 * {@code service.base-url} set, each issued document is also filed with the council's records system (EDRMS).
 *
 * @param service the records system's HTTP API; leave base-url empty when the council has none
 */
@ConfigurationProperties("ehc.documents")
public record DocumentProperties(@DefaultValue Service service) {

  /**
   * @param baseUrl for example https://edrms.council.example/api (documents go to {base-url}/documents)
   * @param username HTTP Basic user, from an environment variable in production
   * @param password HTTP Basic password, from an environment variable in production
   */
  public record Service(URI baseUrl, String username, String password, @DefaultValue("PT10S") Duration timeout) {

    public boolean configured() {
      return baseUrl != null && !baseUrl.toString().isBlank();
    }
  }
}
