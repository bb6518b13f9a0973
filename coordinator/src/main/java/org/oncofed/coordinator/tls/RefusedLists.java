package org.oncofed.coordinator.tls;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** The last revocation list file that was not put in force, for the operator's status view. */
@Singleton
public class RefusedLists {

  /** Why and when a list file was refused. */
  public record Last(String reason, Instant at) {}

  private volatile Last last;

  void refused(String reason, Instant at) {
    last = new Last(reason, at);
  }

  public Optional<Last> last() {
    return Optional.ofNullable(last);
  }
}
