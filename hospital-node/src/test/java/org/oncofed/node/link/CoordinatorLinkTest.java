package org.oncofed.node.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.node.tls.NodeRevocationWatcher;
import org.oncofed.proto.federation.v1.Hello;

/** The node dials out, introduces itself as its certified site, keeps heartbeating, and comes back by itself. */
class CoordinatorLinkTest {

  @TempDir Path dir;
  private DevPki pki;
  private Credential site;

  @BeforeEach
  void createPki() {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    site = pki.addSite("lakeside");
  }

  @Test
  void introducesItselfAsItsCertifiedSiteAndSendsHeartbeats() throws Exception {
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0)) {
      CoordinatorLink link = link(coordinator.port(), null);
      try {
        Hello hello = coordinator.hellos.poll(10, TimeUnit.SECONDS);

        assertThat(hello).isNotNull();
        assertThat(hello.getSiteId()).isEqualTo("lakeside");
        assertThat(hello.getBackend()).isEqualTo("cpu");
        await(() -> coordinator.heartbeats.get() >= 3, "three heartbeats");
        assertThat(link.status().state()).isEqualTo("CONNECTED");
      } finally {
        link.stop();
      }
    }
  }

  @Test
  void reconnectsByItselfAfterTheCoordinatorRestarts() throws Exception {
    FakeCoordinator first = new FakeCoordinator(pki, 0);
    int port = first.port();
    CoordinatorLink link = link(port, null);
    try {
      assertThat(first.hellos.poll(10, TimeUnit.SECONDS)).isNotNull();
      await(link::isConnected, "the first connection");
      first.close();
      await(() -> !link.isConnected(), "the link to notice the coordinator is gone");
      assertThat(link.status().lastError()).isNotBlank();

      try (FakeCoordinator second = new FakeCoordinator(pki, port)) {
        assertThat(second.hellos.poll(15, TimeUnit.SECONDS)).isNotNull();
        await(link::isConnected, "the link to reconnect");
        assertThat(link.status().attempts()).isZero();
      }
    } finally {
      link.stop();
    }
  }

  @Test
  void refusesAConfiguredSiteThatDiffersFromTheCertificate() {
    assertThatThrownBy(() -> link(1, "someone-else"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'someone-else'")
        .hasMessageContaining("certificate is for site 'lakeside'");
  }

  @Test
  void refusesACoordinatorWhoseCertificateIsRevoked() throws Exception {
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0)) {
      pki.revoke("coordinator", "key-compromise");
      CoordinatorLink link = link(coordinator.port(), null);
      try {
        await(() -> link.status().lastError() != null, "the first attempt to fail");

        assertThat(link.status().lastError()).startsWith("UNAVAILABLE").contains("certificate revoked");
        assertThat(link.isConnected()).isFalse();
        assertThat(coordinator.hellos).isEmpty();
      } finally {
        link.stop();
      }
    }
  }

  @Test
  void leavesTheCoordinatorOnceItsCertificateIsRevokedAndDoesNotComeBack() throws Exception {
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0)) {
      ProjectPki keys = keys();
      CoordinatorLink link = link(coordinator.port(), null, keys);
      NodeRevocationWatcher watcher = new NodeRevocationWatcher(keys, List.of(link));
      try {
        assertThat(coordinator.hellos.poll(10, TimeUnit.SECONDS)).isNotNull();
        await(link::isConnected, "the connection");
        watcher.check();
        assertThat(link.isConnected()).isTrue();

        pki.revoke("coordinator", "key-compromise");
        watcher.check();

        await(() -> !link.isConnected(), "the link to leave");
        await(() -> link.status().lastError().contains("certificate revoked (serial"), "a refused reconnection");
        assertThat(link.status().lastError()).startsWith("UNAVAILABLE");
        assertThat(coordinator.hellos.poll(1, TimeUnit.SECONDS)).isNull();
      } finally {
        link.stop();
      }
    }
  }

  private ProjectPki keys() {
    return ProjectPki.load(site.certificate(), site.privateKey(), pki.caCertificate(), pki.crl(), Clock.systemUTC());
  }

  private CoordinatorLink link(int port, String siteId) {
    return link(port, siteId, keys());
  }

  private CoordinatorLink link(int port, String siteId, ProjectPki keys) {
    LinkConfiguration configuration = new LinkConfiguration(
        "localhost:" + port, siteId, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(20));
    return new CoordinatorLink(configuration, keys, new HelloFactory(new RuntimeEnvironment("test", "test", "cpu", "test device", "none", "17", "test", "linux", "6", "amd64", 2), java.util.Optional::empty, () -> false, () -> { }),
        (Supplier<List<CoordinatorMessageHandler>>) List::of, new NodeActivity(), Clock.systemUTC());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
