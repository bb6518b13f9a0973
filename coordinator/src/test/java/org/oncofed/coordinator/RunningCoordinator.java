package org.oncofed.coordinator;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.JdkTls;
import org.oncofed.common.tls.PeerCertificateVerifier;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.common.tls.ProjectTrustManager;
import org.oncofed.common.tls.RefusalListener;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.common.tls.TlsIdentity;
import org.oncofed.coordinator.federation.FederationServer;

/**
 * A real coordinator for tests: the Micronaut application with its gRPC and HTTPS endpoints on
 * free loopback ports, using a development PKI made by certs-dev, plus clients that present any
 * credential (good or bad) over real TLS.
 */
public final class RunningCoordinator implements AutoCloseable {

  private final DevPki pki;
  private final ApplicationContext context;

  private RunningCoordinator(DevPki pki, ApplicationContext context) {
    this.pki = pki;
    this.context = context;
  }

  public static RunningCoordinator start(DevPki pki, Path dataDir) {
    return start(pki, dataDir, Map.of());
  }

  public static RunningCoordinator start(DevPki pki, Path dataDir, Map<String, Object> overrides) {
    Credential coordinator = pki.coordinator();
    Map<String, Object> properties = new HashMap<>();
    properties.put("oncofed.tls.certificate", coordinator.certificate().toString());
    properties.put("oncofed.tls.private-key", coordinator.privateKey().toString());
    properties.put("oncofed.tls.ca", pki.caCertificate().toString());
    properties.put("oncofed.tls.crl", pki.crl().toString());
    properties.put("oncofed.tls.revocation-check-interval", "200ms");
    properties.put("oncofed.federation.port", 0);
    properties.put("oncofed.coordinator.data-dir", dataDir.toString());
    properties.put("micronaut.server.ssl.port", -1);
    properties.putAll(overrides);
    ApplicationContext context = ApplicationContext.run(properties);
    context.getBean(EmbeddedServer.class).start();
    return new RunningCoordinator(pki, context);
  }

  public ApplicationContext context() {
    return context;
  }

  public int grpcPort() {
    return context.getBean(FederationServer.class).port();
  }

  public int httpsPort() {
    return context.getBean(EmbeddedServer.class).getPort();
  }

  /** A channel to the federation service presenting {@code credential} (even an expired one). */
  public ManagedChannel channel(Credential credential) {
    return NettyChannelBuilder.forAddress("localhost", grpcPort())
        .sslContext(GrpcTls.clientContext(identity(credential), trustManager()))
        .build();
  }

  /** GET over a new HTTPS connection presenting {@code credential}. */
  public HttpResponse<String> get(Credential credential, String path) throws IOException, InterruptedException {
    return get(httpClient(credential), path);
  }

  /** An HTTPS client presenting {@code credential}; it keeps its connection open between requests. */
  public HttpClient httpClient(Credential credential) {
    return HttpClient.newBuilder()
        .sslContext(JdkTls.clientContext(identity(credential), trustManager()))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** POST of a JSON body over a new HTTPS connection presenting {@code credential}. */
  public HttpResponse<String> post(Credential credential, String path, String json)
      throws IOException, InterruptedException {
    return httpClient(credential).send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Any request over a new HTTPS connection presenting {@code credential}; a null content type sends none. */
  public HttpResponse<String> send(Credential credential, String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return httpClient(credential).send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort() + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public ProjectTrustManager trustManager() {
    var ca = PemFiles.readCertificate(pki.caCertificate());
    return new ProjectTrustManager(
        new PeerCertificateVerifier(ca, RevocationList.none(ca), Clock.systemUTC()), RefusalListener.NONE);
  }

  /** Loads a credential without checking it, so that tests can present bad ones. */
  public static TlsIdentity identity(Credential credential) {
    return new TlsIdentity(
        PemFiles.readCertificates(credential.certificate()), PemFiles.readPrivateKey(credential.privateKey()));
  }

  public static void shutdown(ManagedChannel channel) throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    context.close();
  }
}
