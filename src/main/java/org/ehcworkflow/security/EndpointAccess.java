package org.ehcworkflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces the access each of the project's endpoints declares ({@link Allowed}, {@link AnySignedInUser},
 * {@link NoAccount}) before it runs. Fails closed: an endpoint of this project that declares none is refused to
 * everyone, and logged, so a forgotten declaration never opens an endpoint.
 */
public class EndpointAccess implements HandlerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointAccess.class);
  static final List<Class<? extends Annotation>> DECLARATIONS =
      List.of(Allowed.class, AnySignedInUser.class, NoAccount.class);

  private final CurrentUser user;

  EndpointAccess(CurrentUser user) {
    this.user = user;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || !ours(method)) {
      return true;
    }
    Optional<Annotation> declared = declaration(method);
    if (declared.isEmpty()) {
      LOG.error("Endpoint {} declares no access (@Allowed, @AnySignedInUser or @NoAccount): refused",
          method.getShortLogMessage());
      throw new CurrentUser.Forbidden();
    }
    if (declared.get() instanceof Allowed allowed) {
      user.requireAnyOf(allowed.value());
    } else if (declared.get() instanceof AnySignedInUser && user.id() == null) {
      throw new CurrentUser.Forbidden();
    }
    return true;
  }

  private static boolean ours(HandlerMethod method) {
    return method.getBeanType().getName().startsWith("org.ehcworkflow.");
  }

  /** The access the endpoint declares: on the method, else on its controller. */
  public static Optional<Annotation> declaration(HandlerMethod method) {
    for (Class<? extends Annotation> type : DECLARATIONS) {
      Annotation onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
      if (onMethod != null) {
        return Optional.of(onMethod);
      }
    }
    for (Class<? extends Annotation> type : DECLARATIONS) {
      Annotation onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
      if (onType != null) {
        return Optional.of(onType);
      }
    }
    return Optional.empty();
  }
}
