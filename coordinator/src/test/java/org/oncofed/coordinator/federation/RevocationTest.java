package org.oncofed.coordinator.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.coordinator.RunningCoordinator;

/** A certificate revoked while the coordinator runs stops working without a restart. */
class RevocationTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void revokedNodeLosesItsOpenStreamAndIsRefusedAtTheNextHandshake(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("riverside");
    Credential auditor = pki.addUser("aud", Role.AUDITOR);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      ManagedChannel first = coordinator.channel(site);
      try (TestNode node = new TestNode(first).hello("riverside")) {
        assertThat(node.next(WAIT).hasWelcome()).isTrue();

        pki.revoke("riverside", "key-compromise");
        Status closed = node.endStatus(WAIT);

        assertThat(closed.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(closed.getDescription()).isEqualTo("certificate revoked");
      } finally {
        RunningCoordinator.shutdown(first);
      }

      ManagedChannel second = coordinator.channel(site);
      try (TestNode again = new TestNode(second).hello("riverside")) {
        assertThat(again.endStatus(WAIT).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(again.received).isEmpty();
      } finally {
        RunningCoordinator.shutdown(second);
      }
      assertThat(coordinator.get(auditor, "/api/nodes").body())
          .contains("\"siteId\":\"riverside\"", "\"connected\":false", "certificate revoked");
    }
  }

  @Test
  void revokedUserIsRefusedOnOpenAndNewRestConnections(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("ruth", Role.RESEARCHER);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      var openConnection = coordinator.httpClient(researcher);
      assertThat(coordinator.get(openConnection, "/api/nodes").statusCode()).isEqualTo(200);

      pki.revoke("ruth", "affiliation-changed");
      Thread.sleep(1_000);

      assertThat(coordinator.get(openConnection, "/api/nodes").statusCode()).isEqualTo(401);
      assertThatThrownBy(() -> coordinator.get(researcher, "/api/nodes")).isInstanceOf(IOException.class);
    }
  }
}
