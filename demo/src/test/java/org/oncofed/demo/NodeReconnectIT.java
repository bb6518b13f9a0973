package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.api.NodeView;

/** A hospital node comes back by itself when the coordinator restarts: no operator action needed. */
class NodeReconnectIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @Test
  @Timeout(300)
  void nodeReconnectsByItselfAfterTheCoordinatorRestarts(@TempDir Path work) throws Exception {
    try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work.resolve("federation"))) {
      federation.startCoordinator(TIMEOUT);
      federation.startNode("westfjord");
      federation.awaitConnected(Set.of("westfjord"), TIMEOUT, connected -> {});

      assertThat(federation.stopCoordinator()).as("coordinator stops cleanly").isTrue();
      federation.startCoordinator(TIMEOUT);
      var listing = federation.awaitConnected(Set.of("westfjord"), TIMEOUT, connected -> {});

      assertThat(listing).filteredOn(NodeView::connected).extracting(NodeView::siteId).containsExactly("westfjord");
      assertThat(federation.nodes()).allMatch(ChildProcess::isAlive);
      assertThat(federation.stopAll()).isEmpty();
    }
  }
}
