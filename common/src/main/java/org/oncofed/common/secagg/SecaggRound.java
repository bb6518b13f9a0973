package org.oncofed.common.secagg;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.oncofed.common.SiteId;
import org.oncofed.common.hash.Sha256;

/**
 * What every party of one secure aggregation round must agree on: the round, the sites invited,
 * the threshold {@code t} of sites needed to unmask, the fixed-point encoding, and the number of
 * parameters. Sites sign a digest of these settings with their keys, so a site that was told other
 * settings than the rest is detected in the first phase.
 *
 * <p>The threshold must be a strict majority ({@code t > n/2}) and at most {@code n}: with fewer,
 * an aggregator could gather two disjoint groups of {@code t} sites that confirm different
 * survivor sets and ask one group for the self-mask shares of a site and the other for its key
 * shares; with a majority, two such groups share an honest site, which signs only one set.
 */
public record SecaggRound(
    RoundRef ref, SortedSet<SiteId> sites, int threshold, FixedPointEncoding encoding, int parameterCount) {

  /** Fewer than three sites cannot hide an update: the other site learns it from the sum. */
  public static final int MIN_SITES = 3;
  /** The federation sizes the protocol is built and tested for; pairwise masks grow with n². */
  public static final int MAX_SITES = 20;

  public SecaggRound {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(sites, "sites");
    Objects.requireNonNull(encoding, "encoding");
    sites = Collections.unmodifiableSortedSet(new TreeSet<>(sites));
    int n = sites.size();
    if (n < MIN_SITES || n > MAX_SITES) {
      throw new IllegalArgumentException("secure aggregation needs between " + MIN_SITES + " and " + MAX_SITES
          + " sites, found " + n + " " + sites);
    }
    if (2 * threshold <= n || threshold > n) {
      throw new IllegalArgumentException("threshold " + threshold + " is not allowed for " + n
          + " sites: expected a strict majority and at most all sites, between " + (n / 2 + 1) + " and " + n);
    }
    encoding.requireNoOverflow(n);
    if (parameterCount < 1) {
      throw new IllegalArgumentException("parameterCount must be at least 1, found " + parameterCount);
    }
  }

  /** Length of an encoded or masked vector: the parameters and the sample count. */
  public int vectorLength() {
    return parameterCount + 1;
  }

  /** The site's Shamir evaluation point: its 1-based position among the sorted invited sites. */
  int shareIndex(SiteId site) {
    if (!sites.contains(site)) {
      throw new IllegalArgumentException("site " + site + " is not invited to " + ref);
    }
    return sites.headSet(site).size() + 1;
  }

  /** Refuses a site that was not invited to this round; {@code what} names the message. */
  void requireInvited(SiteId site, String what) {
    if (!sites.contains(site)) {
      throw new SecaggException("refused " + what + ": site " + site + " is not invited to " + ref
          + " (invited: " + sites + ")");
    }
  }

  /** SHA-256 of every setting, in a fixed encoding; signed by each site with its keys. */
  byte[] digest() {
    byte[] settings = Transcript.of("oncofed-secagg-round-v1")
        .add(ref.experimentId())
        .add(ref.round())
        .add(sites)
        .add(threshold)
        .add(encoding.fractionBits())
        .add(Double.doubleToLongBits(encoding.clipBound()))
        .add(encoding.maxSampleCount())
        .add(parameterCount)
        .bytes();
    return new Sha256().update(settings).bytes();
  }
}
