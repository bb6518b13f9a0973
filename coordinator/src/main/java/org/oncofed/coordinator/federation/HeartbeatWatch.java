package org.oncofed.coordinator.federation;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.oncofed.coordinator.nodes.ConnectedNodes;

/** Closes the control streams of nodes that stopped sending heartbeats, or never said Hello. */
@Singleton
class HeartbeatWatch {

  private final ConnectedNodes nodes;
  private final FederationConfiguration configuration;

  HeartbeatWatch(ConnectedNodes nodes, FederationConfiguration configuration) {
    this.nodes = nodes;
    this.configuration = configuration;
  }

  @Scheduled(fixedDelay = "${oncofed.federation.heartbeat-interval:5s}", initialDelay = "1s")
  void closeSilentStreams() {
    nodes.closeSilent(configuration.heartbeatTimeout());
  }
}
