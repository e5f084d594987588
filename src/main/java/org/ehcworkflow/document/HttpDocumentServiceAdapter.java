package org.ehcworkflow.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Files documents with a council's records system over HTTP: {@code POST {base-url}/documents} with the PDF as body,
 * an {@code Idempotency-Key} header (the same for every retry of one document), the SHA-256 checksum and the
 * document's metadata as headers, and HTTP Basic credentials. The service answers 200 or 201 with
 * {@code {"id": "..."}}; a repeated key returns the copy already filed. 5xx, 429 and network failures are
 * {@link DocumentStore.StoreUnavailable}; other answers are errors too, so nothing is ever marked filed unfiled.
 */
public class HttpDocumentServiceAdapter implements DocumentStore {

  private final HttpClient http;
  private final URI documents;
  private final String authorization;
  private final ObjectMapper json = new ObjectMapper();

  public HttpDocumentServiceAdapter(URI baseUrl, String username, String password, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.documents = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/documents");
    this.authorization = username == null || username.isBlank() ? null : "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String file(String idempotencyKey, Documents.DocumentInfo document, byte[] content) {
    HttpRequest.Builder request = HttpRequest.newBuilder(documents)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", document.contentType())
        .header("Idempotency-Key", idempotencyKey)
        .header("X-Checksum-SHA256", document.checksum())
        .header("X-Case-Reference", document.caseReference())
        .header("X-Document-Type", document.type().name())
        .header("X-Document-Version", Integer.toString(document.version()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new StoreUnavailable("the records system could not be reached: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailable("interrupted while filing", e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw new StoreUnavailable("the records system answered " + status + "; the filing will be retried", null);
    }
    if (status != 200 && status != 201) {
      throw new IllegalStateException("the records system refused document " + document.id() + " with " + status);
    }
    try {
      JsonNode id = json.readTree(response.body()).get("id");
      if (id == null || id.asText().isBlank()) {
        throw new IllegalStateException("the records system answered " + status + " without an id");
      }
      return id.asText();
    } catch (IOException e) {
      throw new IllegalStateException("the records system answered " + status + " with no JSON", e);
    }
  }
}
