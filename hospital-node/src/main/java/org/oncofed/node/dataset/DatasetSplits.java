package org.oncofed.node.dataset;

/** Train, validation and test splits of one dataset, disjoint by patient. */
public record DatasetSplits(long seed, SplitFractions fractions, DatasetSplit train, DatasetSplit validation,
    DatasetSplit test) {}
