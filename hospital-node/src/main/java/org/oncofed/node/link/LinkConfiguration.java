package org.oncofed.node.link;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the node reaches the coordinator. The node only ever dials out.
 *
 * @param coordinator {@code host:port} of the coordinator's federation service; the host must be a
 *     name in the coordinator certificate's SANs
 * @param siteId the site this node claims in its Hello; defaults to the CN of its certificate and
 *     must equal it when set
 * @param initialBackoff delay before the first reconnection attempt
 * @param maxBackoff upper bound of the exponentially growing delay between attempts
 * @param keepaliveTime how often the node pings an idle connection (at least the coordinator's permitted minimum)
 */
@ConfigurationProperties("oncofed.node.link")
public record LinkConfiguration(
    @NotBlank String coordinator,
    @Nullable String siteId,
    @Bindable(defaultValue = "500ms") @NotNull Duration initialBackoff,
    @Bindable(defaultValue = "30s") @NotNull Duration maxBackoff,
    @Bindable(defaultValue = "20s") @NotNull Duration keepaliveTime) {

  public LinkConfiguration {
    if (coordinator != null && !coordinator.matches("[^:\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "oncofed.node.link.coordinator must be host:port, found '" + coordinator + "'");
    }
    if (initialBackoff != null && maxBackoff != null
        && (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0)) {
      throw new IllegalArgumentException("oncofed.node.link backoff must satisfy 0 < initial-backoff ("
          + initialBackoff + ") <= max-backoff (" + maxBackoff + ")");
    }
  }

  String host() {
    return coordinator.substring(0, coordinator.lastIndexOf(':'));
  }

  int port() {
    return Integer.parseInt(coordinator.substring(coordinator.lastIndexOf(':') + 1));
  }
}
