package org.ehcworkflow.govuk;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The public pages, in the GOV.UK Design System (govuk-frontend's styles, served by the application, in Arial as a
 * council's service): a plain header with the service's name (no crown: the service is not on GOV.UK), a skip link,
 * one main column, an error summary linked to each field at fault. Every value written into a page is escaped.
 * Used by the partners' secure links and the family's pages.
 */
public final class Pages {

  private Pages() {
  }

  public static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }

  /** A page for the person a secure link was sent to. */
  public static String page(String serviceName, String title, boolean error, String body) {
    return page(serviceName, title, error, body, "This page is for the person the request was sent to. Do not forward its link.", "");
  }

  /**
   * A page with its own footer line, and header navigation (already escaped HTML, such as a sign-out form), if any.
   */
  public static String page(String serviceName, String title, boolean error, String body, String footer,
      String navigation) {
    return """
        <!DOCTYPE html>
        <html lang="en-GB" class="govuk-template">
        <head>
          <meta charset="utf-8">
          <title>%s%s – %s</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
          <meta name="robots" content="noindex, nofollow">
          <link rel="stylesheet" href="/govuk/govuk-frontend.css">
        </head>
        <body class="govuk-template__body">
          <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
          <header class="govuk-header" role="banner">
            <div class="govuk-header__container govuk-width-container">
              <div class="govuk-header__content">
                <span class="govuk-header__service-name">%s</span>
              </div>%s
            </div>
          </header>
          <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content" role="main">
              <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        %s
              </div></div>
            </main>
          </div>
          <footer class="govuk-footer" role="contentinfo">
            <div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item">
              <p class="govuk-body-s">%s</p>
            </div></div></div>
          </footer>
        </body>
        </html>
        """.formatted(error ? "Error: " : "", esc(title), esc(serviceName), esc(serviceName), navigation, body,
        esc(footer));
  }

  /** The GOV.UK error summary, each problem linking to its field. */
  public static String errorSummary(Map<String, String> problems) {
    StringBuilder items = new StringBuilder();
    problems.forEach((field, message) -> items.append("<li><a href=\"#").append(esc(field)).append("\">")
        .append(esc(message)).append("</a></li>"));
    return """
        <div class="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 class="govuk-error-summary__title">There is a problem</h2>
            <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">%s</ul></div>
          </div>
        </div>
        """.formatted(items);
  }

  /** A field's error message, to sit between its hint and its input; nothing when there is no problem. */
  public static String fieldError(String id, String message) {
    return message == null ? "" : "<p id=\"" + id + "-error\" class=\"govuk-error-message\"><span "
        + "class=\"govuk-visually-hidden\">Error:</span> " + esc(message) + "</p>";
  }

  /** A page as the answer, in UTF-8. */
  public static ResponseEntity<String> answer(HttpStatus status, String page) {
    return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
  }

  public static String message(String heading, String text) {
    return "<h1 class=\"govuk-heading-l\">" + esc(heading) + "</h1>\n<p class=\"govuk-body\">" + esc(text) + "</p>";
  }
}
