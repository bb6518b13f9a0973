package org.oncofed.node.link;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Remembers the certificate the coordinator presented on the connection that carries a call, so that
 * a revocation published later can end a stream opened before it.
 */
final class CoordinatorCertificateCapture implements ClientInterceptor {

  private volatile X509Certificate certificate;

  /** The coordinator's certificate, once the call's response headers have arrived; null before. */
  X509Certificate certificate() {
    return certificate;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        ClientCall<Q, R> call = delegate();
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onHeaders(Metadata responseHeaders) {
            remember(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
            super.onHeaders(responseHeaders);
          }
        }, headers);
      }
    };
  }

  private void remember(SSLSession session) {
    if (session == null) {
      return;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
        certificate = leaf;
      }
    } catch (SSLPeerUnverifiedException e) {
      // Not reachable on a channel whose trust manager verified the coordinator; nothing to remember.
    }
  }
}
