package org.oncofed.node.tls;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.oncofed.common.tls.ProjectPki;

/** Loads the node's key material at startup, so a bad file stops the node with a clear message. */
@Factory
class NodePkiFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Context
  ProjectPki projectPki(NodeTlsConfiguration tls, Clock clock) {
    return ProjectPki.load(tls.certificate(), tls.privateKey(), tls.ca(), tls.crl(), tls.staleCrl(), clock);
  }
}
