package org.oncofed.coordinator.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.audit.AuditQuery;
import org.oncofed.coordinator.audit.AuditRepository;

/**
 * Revocation lists are real files reloaded by the running coordinator: an older list never replaces
 * the one in force, and a list past its nextUpdate keeps nodes out unless the site chose to fail open.
 */
class RevocationListOrderTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void anOlderListNeverLiftsARevocation() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("riverside");
    Credential auditor = pki.addUser("aud", Role.AUDITOR);
    Path beforeRevocation = Files.copy(pki.crl(), dir.resolve("before-revocation.pem"));
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      pki.revoke("riverside", "key-compromise");
      await(() -> !events(coordinator, AuditEventType.CERTIFICATE_REVOKED).isEmpty(), "the revocation");
      String inForce = number(coordinator, auditor);
      Path inForceFile = Files.copy(pki.crl(), dir.resolve("in-force.pem"));

      install(beforeRevocation, pki.crl());
      await(() -> events(coordinator, AuditEventType.REVOCATION_LIST_REFUSED).size() == 1, "the old list's refusal");
      assertThat(events(coordinator, AuditEventType.REVOCATION_LIST_REFUSED).get(0))
          .containsEntry("crlNumberInForce", inForce)
          .hasEntrySatisfying("reason", reason -> assertThat(reason.toString()).contains("is not above the number in force, " + inForce));
      assertRefused(coordinator, site);

      // Putting the list in force back is not news; a higher number does not help a list issued before it.
      install(inForceFile, pki.crl());
      DevPki.open(pki.dir(), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)).reissueCrl();
      await(() -> events(coordinator, AuditEventType.REVOCATION_LIST_REFUSED).size() == 2, "the backdated list's refusal");
      assertThat(events(coordinator, AuditEventType.REVOCATION_LIST_REFUSED).get(1).get("reason").toString())
          .contains("before the list in force");
      assertThat(number(coordinator, auditor)).isEqualTo(inForce);
      assertThat(coordinator.get(auditor, "/api/revocation").body()).contains("before the list in force");
      assertRefused(coordinator, site);
    }
  }

  @Test
  void aStaleListRefusesNodesUntilANewerOneIsInstalled() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("riverside");
    Credential admin = pki.addUser("root", Role.ADMIN);
    issueStaleList(pki);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      assertRefused(coordinator, site);
      await(() -> !events(coordinator, AuditEventType.REVOCATION_LIST_STALE).isEmpty(), "the stale list's record");
      assertThat(events(coordinator, AuditEventType.REVOCATION_LIST_STALE).get(0))
          .containsEntry("policy", "refuse");
      assertThat(events(coordinator, AuditEventType.CONNECTION_REFUSED)).singleElement().satisfies(refusal ->
          assertThat(refusal.get("reason").toString()).contains("is stale since"));
      // The REST API stays open so that the operator can see why nodes are refused.
      assertThat(coordinator.get(admin, "/api/revocation").body()).contains("\"stale\":true", "\"refusingAll\":true");

      pki.reissueCrl();
      await(() -> coordinator.get(admin, "/api/revocation").body().contains("\"stale\":false"), "the new list");
      assertAccepted(coordinator, site);
    }
  }

  @Test
  void aListThatGoesStaleClosesTheStreamsOfConnectedNodes() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("riverside");
    Credential admin = pki.addUser("root", Role.ADMIN);
    issueStaleList(pki);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      // A list that is current for a few more seconds (CRL times have whole seconds).
      Instant stale = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
      DevPki.open(pki.dir(), Clock.fixed(stale.minus(Duration.ofDays(7)), ZoneOffset.UTC)).reissueCrl();
      await(() -> coordinator.get(admin, "/api/revocation").body().contains("\"stale\":false"), "the new list");
      ManagedChannel channel = coordinator.channel(site);
      try (TestNode node = new TestNode(channel).hello("riverside")) {
        assertThat(node.next(WAIT).hasWelcome()).isTrue();

        Status closed = node.endStatus(WAIT);

        assertThat(Instant.now()).isAfter(stale);
        assertThat(closed.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(closed.getDescription()).contains("is stale since");
      } finally {
        RunningCoordinator.shutdown(channel);
      }
    }
  }

  @Test
  void aSiteThatFailsOpenKeepsAcceptingNodesAndSaysSo() throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("riverside");
    Credential admin = pki.addUser("root", Role.ADMIN);
    issueStaleList(pki);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"), Map.of("oncofed.tls.stale-crl", "warn"))) {
      assertAccepted(coordinator, site);
      await(() -> !events(coordinator, AuditEventType.REVOCATION_LIST_STALE).isEmpty(), "the stale list's record");
      assertThat(events(coordinator, AuditEventType.REVOCATION_LIST_STALE).get(0))
          .containsEntry("policy", "warn");
      assertThat(coordinator.get(admin, "/api/revocation").body())
          .contains("\"stale\":true", "\"whenStale\":\"warn\"", "\"refusingAll\":false");
    }
  }

  /** A list issued eight days ago: its week of validity ended yesterday. */
  private static void issueStaleList(DevPki pki) {
    DevPki.open(pki.dir(), Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC)).reissueCrl();
  }

  private static void install(Path source, Path crl) throws Exception {
    Files.copy(source, crl, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(crl, FileTime.from(Instant.now().plusSeconds(1)));
  }

  private static String number(RunningCoordinator coordinator, Credential user) throws Exception {
    String body = coordinator.get(user, "/api/revocation").body();
    return body.replaceAll(".*\"crlNumber\":\"(\\d+)\".*", "$1");
  }

  private static void assertRefused(RunningCoordinator coordinator, Credential site) throws Exception {
    ManagedChannel channel = coordinator.channel(site);
    try (TestNode node = new TestNode(channel).hello("riverside")) {
      assertThat(node.endStatus(WAIT).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(node.received).isEmpty();
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  private static void assertAccepted(RunningCoordinator coordinator, Credential site) throws Exception {
    ManagedChannel channel = coordinator.channel(site);
    try (TestNode node = new TestNode(channel).hello("riverside")) {
      assertThat(node.next(WAIT).hasWelcome()).isTrue();
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  /** The details of every event of {@code type}, in order. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> events(RunningCoordinator coordinator, AuditEventType type) {
    return coordinator.context().getBean(AuditRepository.class)
        .search(new AuditQuery(null, null, null, EnumSet.of(type), null, null, null, 0, 100))
        .stream().map(row -> (Map<String, Object>) row.rawMap().get("details")).toList();
  }

  private static void await(Check condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }
}
