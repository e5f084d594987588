package org.ehcworkflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on the project's API, the engine REST API and its own pages (the webapps set their own): no
 * sniffing, no framing, no referrer, no caching of children's data, and HSTS when enabled for production.
 */
class SecurityHeaders extends OncePerRequestFilter {

  private final boolean hsts;

  SecurityHeaders(boolean hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    // The public pages (a partner's secure link) load nothing but their own styles and send forms only to themselves.
    response.setHeader("Content-Security-Policy", (request.getRequestURI().startsWith("/respond/") || request.getRequestURI().startsWith("/family"))
        ? "default-src 'self'; script-src 'none'; object-src 'none'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'"
        : "frame-ancestors 'none'");
    if (!response.containsHeader("Cache-Control")) {
      response.setHeader("Cache-Control", "no-store");
    }
    if (hsts) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
