package org.oncofed.common.secagg;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.oncofed.common.SiteId;

/**
 * ConsistencyCheck, aggregator to every survivor: the sites whose masked inputs are in the sum.
 * Each survivor signs it, so that the aggregator cannot tell different sites different stories.
 */
public record SurvivorList(RoundRef ref, SortedSet<SiteId> survivors) {

  public SurvivorList {
    Objects.requireNonNull(ref, "ref");
    survivors = Collections.unmodifiableSortedSet(new TreeSet<>(survivors));
  }
}
