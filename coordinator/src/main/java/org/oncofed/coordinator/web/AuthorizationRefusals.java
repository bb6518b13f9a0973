package org.oncofed.coordinator.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.oncofed.api.ApiError;

/**
 * Answers requests the security rules refused: 401 when the request carries no usable certificate
 * identity (revoked, or a subject naming no role), 403 when the caller's role may not call the
 * endpoint. Each is recorded in the audit trail and answered with the reason.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
@SuppressWarnings("rawtypes") // ExceptionHandler declares a raw HttpRequest
class AuthorizationRefusals implements ExceptionHandler<AuthorizationException, HttpResponse<ApiError>> {

  private final RequestRefusals refusals;

  AuthorizationRefusals(RequestRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, AuthorizationException e) {
    HttpRequest<?> refused = request;
    HttpStatus status = e.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
    String reason = e.isForbidden() ? forbidden(refused, e) : unauthenticated(refused);
    refusals.refused(refused, status.getCode(), reason, null);
    return HttpResponse.<ApiError>status(status).body(ApiError.of(status.getCode(), reason));
  }

  private static String unauthenticated(HttpRequest<?> request) {
    return request.getAttribute(ClientCertificateAuthenticationFetcher.REFUSAL_ATTRIBUTE, String.class)
        .orElse("the request carries no certificate identity");
  }

  private static String forbidden(HttpRequest<?> request, AuthorizationException e) {
    String roles = String.join(", ", e.getAuthentication().getRoles());
    String call = request.getMethodName() + " " + JsonValues.printable(request.getPath());
    String[] allowed = RouteAttributes.getRouteMatch(request)
        .map(route -> route.getAnnotationMetadata().stringValues(Secured.class))
        .orElse(new String[0]);
    return "the " + roles + " role may not call " + call
        + (allowed.length == 0 ? "" : "; it is for " + String.join(", ", Arrays.asList(allowed)));
  }
}
