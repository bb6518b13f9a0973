package org.oncofed.coordinator.audit;

import io.micronaut.core.annotation.Nullable;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.tls.PeerIdentity;

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

  /**
   * A refusal of whoever presented {@code certificate}: its CN is the actor when its subject names
   * a role, and its subject, serial and role join {@code details}. Without a certificate, or with
   * one whose subject names no role, the coordinator is the actor.
   */
  public static Refusal of(AuditEventType type, @Nullable X509Certificate certificate, @Nullable String experimentId,
      @Nullable SiteId site, Map<String, Object> details) {
    Map<String, Object> all = new HashMap<>(details);
    String actor = AuditEvent.SYSTEM;
    if (certificate != null) {
      all.put("subject", callerText(certificate.getSubjectX500Principal().getName()));
      all.put("certificateSerial", certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
      try {
        PeerIdentity peer = PeerIdentity.of(certificate);
        actor = peer.name();
        all.put("role", peer.role().ou());
      } catch (CertificateException unreadable) {
        // The subject says who; no role can be read from it.
      }
    }
    return new Refusal(type, actor, experimentId, site, all);
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
