package org.oncofed.coordinator.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Objects;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;

/**
 * A refused connection, call or request, as {@link RefusalAudit} will record it. Details hold what
 * identifies the caller and the call (certificate subject, role and serial, method, path) and why
 * it was refused; never a request's body, headers or query, which the caller controls.
 *
 * @param actor the CN of the certificate the caller presented, or {@link AuditEvent#SYSTEM} when it
 *     presented none that could be read
 */
public record Refusal(AuditEventType type, String actor, @Nullable String experimentId, @Nullable SiteId site,
    Map<String, Object> details) {

  /** Longest text recorded from a value the caller chose (a path, a claimed site id). */
  public static final int MAX_CALLER_TEXT = 200;

  public Refusal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    details = Map.copyOf(details);
  }

  /** A certificate refused during a TLS handshake; the coordinator is the actor, the subject a detail. */
  public static Refusal connection(String subject, String reason) {
    return new Refusal(AuditEventType.CONNECTION_REFUSED, AuditEvent.SYSTEM, null, null,
        Map.of("subject", callerText(subject), "reason", reason));
  }

  /** Text the caller chose, cut to {@value #MAX_CALLER_TEXT} characters so that nobody can fill the trail with it. */
  public static String callerText(String text) {
    if (text.length() <= MAX_CALLER_TEXT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CALLER_TEXT - 1)) ? MAX_CALLER_TEXT - 1 : MAX_CALLER_TEXT;
    return text.substring(0, end) + "...";
  }
}
