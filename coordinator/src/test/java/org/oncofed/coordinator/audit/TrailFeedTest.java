package org.oncofed.coordinator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.federation.TestNode;
import org.oncofed.proto.federation.v1.CoordinatorMessage;

/** Events that happen at the coordinator's edges reach the trail, and checkpoints reach the nodes. */
class TrailFeedTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void nodeSessionsAreRecordedAndConnectedNodesReceiveEveryCheckpoint() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    var site = pki.addSite("north");
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      AuditTrail trail = coordinator.context().getBean(AuditTrail.class);
      SignedCheckpoint before = trail.checkpoint("before any node");
      ManagedChannel channel = coordinator.channel(site);
      try (TestNode node = new TestNode(channel).hello("north")) {
        assertThat(node.next(WAIT).hasWelcome()).isTrue();
        assertThat(node.next(WAIT).getCheckpoint()).as("the latest checkpoint, on connecting").isEqualTo(before.toProto());

        await(() -> !events(coordinator, AuditEventType.NODE_CONNECTED).isEmpty(), "NODE_CONNECTED");
        SignedCheckpoint afterRound = trail.checkpoint("round 1");

        CoordinatorMessage pushed = node.next(WAIT);
        assertThat(pushed.getCheckpoint()).isEqualTo(afterRound.toProto());
      } finally {
        RunningCoordinator.shutdown(channel);
      }
      await(() -> !events(coordinator, AuditEventType.NODE_DISCONNECTED).isEmpty(), "NODE_DISCONNECTED");

      AuditEntry connected = events(coordinator, AuditEventType.NODE_CONNECTED).get(0);
      assertThat(connected.event().siteId()).isEqualTo("north");
      assertThat(connected.event().actor()).isEqualTo("north");
      assertThat(connected.event().details()).containsEntry("certificateSerial",
          site.x509().getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
    }
  }

  @Test
  void refusedCertificatesAndRevocationsAreRecorded() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    // A JDK client offers only certificates the server's CA list names, so the refusal shown is of an expired one.
    var stranger = pki.writeBadCredentials().expired();
    var revoked = pki.addSite("east");
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      ManagedChannel refused = coordinator.channel(stranger);
      try (TestNode node = new TestNode(refused).hello("expired-site")) {
        assertThat(node.endStatus(WAIT).getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
      } finally {
        RunningCoordinator.shutdown(refused);
      }
      pki.revoke("east", "key-compromise");

      await(() -> !events(coordinator, AuditEventType.CONNECTION_REFUSED).isEmpty(), "CONNECTION_REFUSED");
      await(() -> !events(coordinator, AuditEventType.CERTIFICATE_REVOKED).isEmpty(), "CERTIFICATE_REVOKED");

      assertThat(events(coordinator, AuditEventType.CONNECTION_REFUSED).get(0).event().details())
          .containsEntry("subject", stranger.x509().getSubjectX500Principal().getName())
          .containsEntry("reason", "certificate expired");
      Thread.sleep(600);
      assertThat(events(coordinator, AuditEventType.CERTIFICATE_REVOKED)).singleElement().satisfies(entry ->
          assertThat(entry.event().details())
              .containsEntry("serial", revoked.x509().getSerialNumber().toString(16).toUpperCase(Locale.ROOT))
              .containsEntry("reason", "key_compromise"));
    }
  }

  @Test
  void shutdownSignsACheckpointCoveringTheNodesItDisconnected() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    var site = pki.addSite("north");
    ManagedChannel channel;
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      channel = coordinator.channel(site);
      TestNode node = new TestNode(channel).hello("north");
      assertThat(node.next(WAIT).hasWelcome()).isTrue();
      await(() -> !events(coordinator, AuditEventType.NODE_CONNECTED).isEmpty(), "NODE_CONNECTED");
    }
    RunningCoordinator.shutdown(channel);

    try (RunningCoordinator restarted = RunningCoordinator.start(pki, dir.resolve("data"))) {
      AuditVerdict verdict = restarted.context().getBean(StoredTrailVerifier.class).verify();

      assertThat(verdict.valid()).as(verdict.summary()).isTrue();
      assertThat(verdict.unsignedEvents()).isZero();
      assertThat(verdict.lastCheckpoint().reason()).isEqualTo("shutdown");
      assertThat(events(restarted, AuditEventType.NODE_DISCONNECTED)).singleElement().satisfies(entry ->
          assertThat(entry.sequence()).isEqualTo(verdict.lastCheckpoint().sequence()));
    }
  }

  @Test
  void anEventThatCannotBeRecordedLeavesNoTrace() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      AuditTrail trail = coordinator.context().getBean(AuditTrail.class);

      assertThatThrownBy(() -> trail.record(AuditEventType.ADMIN_ACTION, "root", null, null, null,
          Map.of("action", "export", "patientId", "12345")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("names a patient identifier");

      assertThat(trail.lastSequence()).isZero();
      assertThat(trail.record(AuditEventType.ADMIN_ACTION, "root", null, null, null, Map.of("action", "x")).sequence())
          .isEqualTo(1);
    }
  }

  @Test
  void concurrentRecordsFormOneGaplessChain() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      AuditTrail trail = coordinator.context().getBean(AuditTrail.class);
      List<Thread> threads = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int writer = t;
        Thread thread = new Thread(() -> {
          for (int i = 0; i < 25; i++) {
            trail.record(AuditEventType.ADMIN_ACTION, "admin-" + writer, null, null, null, Map.of("action", "step " + i));
          }
        });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      trail.checkpoint("test");

      AuditVerdict verdict = coordinator.context().getBean(StoredTrailVerifier.class).verify();

      assertThat(verdict.valid()).as(verdict.summary()).isTrue();
      assertThat(verdict.events()).isEqualTo(100);
    }
  }

  private static List<AuditEntry> events(RunningCoordinator coordinator, AuditEventType type) {
    return coordinator.context().getBean(AuditRepository.class)
        .search(new AuditQuery(null, null, null, EnumSet.of(type), null, null, null, 0, 100))
        .stream().map(StoredEvent::toEntry).toList();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
