package org.oncofed.coordinator.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.BadCredentials;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.tls.TlsIdentity;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.TrailEvents;

/**
 * What a refused TLS handshake leaves in the trail. A client certificate that reaches OncoFed's
 * check (expired, revoked, from another CA but sent anyway) is a {@code CONNECTION_REFUSED} event;
 * what the JDK's TLS engine refuses before any certificate reaches that check (no certificate, a
 * certificate the client withheld because the server asked for the project CA's, a protocol other
 * than TLS 1.3, plaintext) cannot be, and is not.
 */
class HandshakeRefusalsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aForeignCertificateSentAnywayIsRecorded(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    BadCredentials bad = pki.writeBadCredentials();
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      TrailEvents trail = new TrailEvents(coordinator, pki.addUser("audrey", Role.AUDITOR));

      assertThatThrownBy(() -> getNodes(coordinator, presentingAnyway(coordinator, bad.otherCa())))
          .isInstanceOf(IOException.class);

      JsonNode event = trail.await("CONNECTION_REFUSED",
          e -> e.path("details").path("subject").asText().startsWith("CN=other-ca-site"));
      assertThat(event.path("actor").asText()).isEqualTo("coordinator");
      assertThat(event.path("details").path("reason").asText()).isEqualTo("certificate not issued by the project CA");
    }
  }

  @Test
  void whatTheTlsEngineRefusesNeverReachesTheTrail(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    BadCredentials bad = pki.writeBadCredentials();
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"))) {
      TrailEvents trail = new TrailEvents(coordinator, pki.addUser("audrey", Role.AUDITOR));
      TlsIdentity site = RunningCoordinator.identity(pki.addSite("north"));

      assertRefused(NettyChannelBuilder.forAddress("localhost", coordinator.grpcPort())
          .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
              .protocols("TLSv1.3").trustManager(coordinator.trustManager()).build())
          .build());
      assertRefused(coordinator.channel(bad.otherCa()));
      assertRefused(coordinator.channel(bad.selfSigned()));
      assertRefused(NettyChannelBuilder.forAddress("localhost", coordinator.grpcPort())
          .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
              .protocols("TLSv1.2")
              .keyManager(site.privateKey(), site.chain().toArray(X509Certificate[]::new))
              .trustManager(coordinator.trustManager()).build())
          .build());
      assertRefused(NettyChannelBuilder.forAddress("localhost", coordinator.grpcPort()).usePlaintext().build());
      // Refusals are recorded in order: once this later one is in, any earlier one would be too.
      assertThatThrownBy(() -> coordinator.get(bad.expired(), "/api/nodes")).isInstanceOf(IOException.class);
      trail.await("CONNECTION_REFUSED", e -> e.path("details").path("subject").asText().startsWith("CN=expired-site"));

      assertThat(trail.ofType("CONNECTION_REFUSED"))
          .extracting(e -> e.path("details").path("subject").asText())
          .allMatch(subject -> subject.startsWith("CN=expired-site"));
    }
  }

  private static void assertRefused(ManagedChannel channel) throws Exception {
    try (TestNode node = new TestNode(channel).hello("north")) {
      assertThat(node.endStatus(WAIT).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(node.received).isEmpty();
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  private static HttpResponse<String> getNodes(RunningCoordinator coordinator, HttpClient client) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + coordinator.httpsPort() + "/api/nodes"))
        .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An HTTPS client that presents its certificate whatever CA the server asks for, as a client
   * other than the JDK's may.
   */
  private static HttpClient presentingAnyway(RunningCoordinator coordinator, org.oncofed.certs.Credential credential)
      throws Exception {
    TlsIdentity identity = RunningCoordinator.identity(credential);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(new KeyManager[] {new PresentingKeyManager(identity)}, new TrustManager[] {coordinator.trustManager()},
        null);
    return HttpClient.newBuilder().sslContext(context).connectTimeout(WAIT).build();
  }

  private static final class PresentingKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final TlsIdentity identity;

    PresentingKeyManager(TlsIdentity identity) {
      this.identity = identity;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return identity.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.privateKey();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
