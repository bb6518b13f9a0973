package org.oncofed.coordinator.tls;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.oncofed.common.tls.ProjectPki;

/** Loads the coordinator's key material once, at startup, so a bad file stops the process at once. */
@Factory
class PkiFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Context
  ProjectPki projectPki(TlsConfiguration tls, Clock clock) {
    return ProjectPki.load(tls.certificate(), tls.privateKey(), tls.ca(), tls.crl(), tls.staleCrl(), clock);
  }
}
