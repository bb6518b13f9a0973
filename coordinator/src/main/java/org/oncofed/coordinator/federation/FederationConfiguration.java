package org.oncofed.coordinator.federation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The gRPC federation endpoint.
 *
 * @param host address to bind; loopback by default, an interface address in a real deployment
 * @param port TCP port; 0 picks a free one (tests)
 * @param maxInboundMessageSize largest single message accepted, in bytes; chunks stay well below it
 * @param chunkSize payload bytes per model or update chunk, announced to nodes in Welcome
 * @param maxConcurrentCallsPerConnection concurrent calls one node connection may hold open
 * @param keepaliveTime idle time after which the server pings a connection
 * @param keepaliveTimeout how long the server waits for the ping's answer before closing
 * @param permitKeepaliveTime the most frequent client keepalive accepted; more frequent pings close the connection
 * @param maxRstFramesPerWindow HTTP/2 stream resets tolerated per window, against reset floods
 * @param maxConcurrentUploads updates held in memory at once while they are received; bounds
 *     coordinator memory whatever the number of sites
 * @param heartbeatInterval how often nodes must send a heartbeat on their control stream
 * @param heartbeatTimeout silence after which a control stream is closed and its node marked disconnected
 */
@ConfigurationProperties("oncofed.federation")
public record FederationConfiguration(
    @Bindable(defaultValue = "127.0.0.1") @NotBlank String host,
    @Bindable(defaultValue = "7443") int port,
    @Bindable(defaultValue = "4194304") int maxInboundMessageSize,
    @Bindable(defaultValue = "1048576") int chunkSize,
    @Bindable(defaultValue = "16") int maxConcurrentCallsPerConnection,
    @Bindable(defaultValue = "30s") @NotNull Duration keepaliveTime,
    @Bindable(defaultValue = "10s") @NotNull Duration keepaliveTimeout,
    @Bindable(defaultValue = "10s") @NotNull Duration permitKeepaliveTime,
    @Bindable(defaultValue = "200") int maxRstFramesPerWindow,
    @Bindable(defaultValue = "4") int maxConcurrentUploads,
    @Bindable(defaultValue = "5s") @NotNull Duration heartbeatInterval,
    @Bindable(defaultValue = "20s") @NotNull Duration heartbeatTimeout) {

  /** Room left in a message for the fields around a chunk's payload. */
  static final int CHUNK_ENVELOPE_BYTES = 64 * 1024;

  public FederationConfiguration {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("oncofed.federation.port must be 0-65535, found " + port);
    }
    if (chunkSize < 16 * 1024) {
      throw new IllegalArgumentException("oncofed.federation.chunk-size must be at least 16384 bytes, found " + chunkSize);
    }
    if (chunkSize + CHUNK_ENVELOPE_BYTES > maxInboundMessageSize) {
      throw new IllegalArgumentException("oncofed.federation.chunk-size (" + chunkSize
          + ") must leave " + CHUNK_ENVELOPE_BYTES + " bytes under max-inbound-message-size ("
          + maxInboundMessageSize + ")");
    }
    if (maxConcurrentCallsPerConnection < 1) {
      throw new IllegalArgumentException(
          "oncofed.federation.max-concurrent-calls-per-connection must be positive, found " + maxConcurrentCallsPerConnection);
    }
    if (maxConcurrentUploads < 1) {
      throw new IllegalArgumentException(
          "oncofed.federation.max-concurrent-uploads must be positive, found " + maxConcurrentUploads);
    }
    if (heartbeatTimeout != null && heartbeatInterval != null
        && heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("oncofed.federation.heartbeat-timeout (" + heartbeatTimeout
          + ") must be at least twice heartbeat-interval (" + heartbeatInterval + ")");
    }
  }
}
