package org.oncofed.common.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A JDK {@link SSLContext} for HTTPS clients of the REST APIs (researcher CLI, demo, tests). */
public final class JdkTls {

  private JdkTls() {}

  /** TLS 1.3 client context presenting {@code identity} and trusting what {@code trustManager} trusts. */
  public static SSLContext clientContext(TlsIdentity identity, X509TrustManager trustManager) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      char[] password = new char[0];
      keys.setKeyEntry("identity", identity.privateKey(), password, identity.chain().toArray(X509Certificate[]::new));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance(GrpcTls.PROTOCOL);
      context.init(keyManagers.getKeyManagers(), new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
    }
  }
}
