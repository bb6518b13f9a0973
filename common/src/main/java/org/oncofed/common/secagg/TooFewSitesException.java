package org.oncofed.common.secagg;

import java.util.Set;
import org.oncofed.common.SiteId;

/**
 * Fewer than the threshold of sites took part in a phase: the round cannot be unmasked, and no
 * partial result exists. Carries the numbers so that the round can say how many sites were missing.
 */
public final class TooFewSitesException extends SecaggException {

  private static final long serialVersionUID = 1L;

  private final Phase phase;
  private final int present;
  private final int needed;

  TooFewSitesException(Phase phase, Set<SiteId> present, int needed) {
    super(phase.label() + ": " + present.size() + " site(s) present " + present + ", at least " + needed
        + " needed (the threshold); the round is abandoned without a result");
    this.phase = phase;
    this.present = present.size();
    this.needed = needed;
  }

  public Phase phase() {
    return phase;
  }

  public int present() {
    return present;
  }

  public int needed() {
    return needed;
  }

  /** Throws unless at least {@code needed} sites are present. */
  static void requireAtLeast(Phase phase, Set<SiteId> present, int needed) {
    if (present.size() < needed) {
      throw new TooFewSitesException(phase, present, needed);
    }
  }
}
