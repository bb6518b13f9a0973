package org.oncofed.common.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;

/**
 * TLS settings shared by both ends of the federation channel: TLS 1.3 only, the project trust
 * manager, and (on the server) client certificates required. The JDK provider is used on purpose:
 * it calls our trust manager on every handshake and applies host name verification on the client.
 */
public final class GrpcTls {

  public static final String PROTOCOL = "TLSv1.3";

  private GrpcTls() {}

  public static SslContext serverContext(TlsIdentity identity, X509TrustManager trustManager) {
    try {
      return GrpcSslContexts.configure(
              SslContextBuilder.forServer(identity.privateKey(), identity.chain().toArray(X509Certificate[]::new)),
              SslProvider.JDK)
          .protocols(PROTOCOL)
          .clientAuth(ClientAuth.REQUIRE)
          .trustManager(trustManager)
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the federation server's TLS context: " + e.getMessage(), e);
    }
  }

  public static SslContext clientContext(TlsIdentity identity, X509TrustManager trustManager) {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
          .protocols(PROTOCOL)
          .keyManager(identity.privateKey(), identity.chain().toArray(X509Certificate[]::new))
          .trustManager(trustManager)
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the federation client's TLS context: " + e.getMessage(), e);
    }
  }
}
