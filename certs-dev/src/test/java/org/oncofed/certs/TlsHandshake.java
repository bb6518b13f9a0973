package org.oncofed.certs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS 1.3 handshake with client authentication between two in-memory JDK engines, the client
 * verifying the server's host name the way an HTTPS or gRPC client does. No sockets.
 */
final class TlsHandshake {

  private static final char[] PASSWORD = "unused".toCharArray();

  private TlsHandshake() {}

  /**
   * Runs the handshake of {@code client} dialling {@code host} served by {@code server}, both
   * trusting only {@code ca}.
   *
   * @return the client identity the server authenticated
   * @throws SSLException when either side refuses the other
   */
  static Principal run(Credential server, Credential client, Path ca, String host)
      throws GeneralSecurityException, SSLException {
    SSLEngine serverEngine = context(server, ca).createSSLEngine();
    serverEngine.setUseClientMode(false);
    serverEngine.setNeedClientAuth(true);

    SSLEngine clientEngine = context(client, ca).createSSLEngine(host, 443);
    clientEngine.setUseClientMode(true);
    SSLParameters parameters = clientEngine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    clientEngine.setSSLParameters(parameters);

    handshake(clientEngine, serverEngine);
    return serverEngine.getSession().getPeerPrincipal();
  }

  private static SSLContext context(Credential credential, Path ca)
      throws GeneralSecurityException {
    KeyStore keys = emptyKeyStore();
    keys.setKeyEntry(
        "key",
        Pem.readPrivateKey(credential.privateKey()),
        PASSWORD,
        new Certificate[] {credential.x509()});
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);

    KeyStore anchors = emptyKeyStore();
    anchors.setCertificateEntry("ca", Pem.readCertificate(ca));
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(anchors);

    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an empty key store", e);
    }
    return store;
  }

  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    client.beginHandshake();
    server.beginHandshake();
    ByteBuffer toServer = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
    ByteBuffer toClient = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
    ByteBuffer clientApplication =
        ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
    ByteBuffer serverApplication =
        ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
    for (int step = 0; handshaking(client) || handshaking(server); step++) {
      if (step == 200) {
        throw new SSLException("handshake did not finish in 200 steps");
      }
      wrap(client, toServer);
      wrap(server, toClient);
      unwrap(client, toClient, clientApplication);
      unwrap(server, toServer, serverApplication);
    }
  }

  private static boolean handshaking(SSLEngine engine) {
    return engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
  }

  private static void wrap(SSLEngine engine, ByteBuffer network) throws SSLException {
    engine.wrap(ByteBuffer.allocate(0), network);
    runTasks(engine);
  }

  private static void unwrap(SSLEngine engine, ByteBuffer network, ByteBuffer application)
      throws SSLException {
    network.flip();
    while (network.hasRemaining()) {
      SSLEngineResult result = engine.unwrap(network, application);
      runTasks(engine);
      if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
        break;
      }
    }
    network.compact();
  }

  private static void runTasks(SSLEngine engine) {
    for (Runnable task = engine.getDelegatedTask();
        task != null;
        task = engine.getDelegatedTask()) {
      task.run();
    }
  }
}
