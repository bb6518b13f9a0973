package org.oncofed.coordinator.tls;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.server.netty.ssl.CertificateProvidedSslBuilder;
import io.micronaut.http.server.netty.ssl.ServerSslBuilder;
import io.micronaut.http.ssl.ServerSslConfiguration;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import jakarta.inject.Singleton;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.ProjectPki;

/**
 * TLS for the REST API: the same rules as the federation channel (TLS 1.3, client certificate
 * required, project CA only, live revocation list), in place of Micronaut's key-store based builder.
 * A stale revocation list does not close it, so that operators can read the coordinator's state
 * while nodes are refused.
 */
@Singleton
@Replaces(CertificateProvidedSslBuilder.class)
class MutualTlsServerSslBuilder implements ServerSslBuilder {

  private final ServerSslConfiguration configuration;
  private final ProjectPki pki;
  private final RefusedConnectionLog refusals;

  MutualTlsServerSslBuilder(ServerSslConfiguration configuration, ProjectPki pki, RefusedConnectionLog refusals) {
    this.configuration = configuration;
    this.pki = pki;
    this.refusals = refusals;
  }

  @Override
  public ServerSslConfiguration getSslConfiguration() {
    return configuration;
  }

  @Override
  public Optional<SslContext> build() {
    try {
      return Optional.of(SslContextBuilder
          .forServer(pki.identity().privateKey(), pki.identity().chain().toArray(X509Certificate[]::new))
          .sslProvider(SslProvider.JDK)
          .protocols(GrpcTls.PROTOCOL)
          .clientAuth(ClientAuth.REQUIRE)
          .trustManager(pki.trustManagerIgnoringStaleness(refusals))
          .build());
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the REST API's TLS context: " + e.getMessage(), e);
    }
  }
}
