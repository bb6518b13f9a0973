package org.oncofed.certs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A certificate's notBefore and notAfter, to the second since X.509 times carry no fraction. */
record Validity(Instant notBefore, Instant notAfter) {

  /** Certificates start this far in the past so that a peer whose clock lags still accepts them. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  Validity {
    notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
    notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " must be after notBefore " + notBefore);
    }
  }

  static Validity authority(Instant now) {
    return years(now, 10);
  }

  static Validity leaf(Instant now) {
    return years(now, 1);
  }

  /** Ended yesterday, for the expired negative-test certificate. */
  static Validity expired(Instant now) {
    return new Validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
  }

  private static Validity years(Instant now, int years) {
    Instant end = now.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    return new Validity(now.minus(CLOCK_SKEW), end);
  }
}
