package org.oncofed.common.secagg;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.oncofed.common.SiteId;

/**
 * Unmasking, aggregator to every site that signed the survivor set: which sites' self-mask seed
 * shares it asks for (the survivors, whose inputs are in the sum) and which sites' masking-key
 * shares (the dropouts, which shared keys but sent no input), with the survivors' signatures over
 * the survivor set. A site answers only if the two sets are disjoint, the survivors are the set it
 * signed, and at least the threshold of survivors signed that set.
 *
 * @param consistencySignatures by signing site
 */
public record UnmaskingRequest(
    RoundRef ref, SortedSet<SiteId> survivors, SortedSet<SiteId> dropouts, Map<SiteId, byte[]> consistencySignatures) {

  public UnmaskingRequest {
    Objects.requireNonNull(ref, "ref");
    survivors = Collections.unmodifiableSortedSet(new TreeSet<>(survivors));
    dropouts = Collections.unmodifiableSortedSet(new TreeSet<>(dropouts));
    consistencySignatures = Map.copyOf(consistencySignatures);
  }
}
