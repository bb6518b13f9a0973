package org.oncofed.node.localdata;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.common.model.DataFingerprint;
import org.oncofed.node.dataset.DatasetIndexStore;
import org.oncofed.node.dataset.DatasetSplit;
import org.oncofed.node.dataset.DatasetSplits;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.dataset.RegisteredDataset;
import org.oncofed.node.dataset.SliceDataSetIterator;
import org.oncofed.node.dataset.SliceRef;
import org.oncofed.node.dataset.SplitFractions;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.SplitCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset this node registered (under its data folder) and announced to the coordinator, split
 * by patient with a fixed seed so that the same slices train, validate and test in every round. Iterators are kept per split and
 * preprocessing, so slices are decoded once, not every round.
 */
@Singleton
public class LocalData {

  private static final Logger LOG = LoggerFactory.getLogger(LocalData.class);

  /** Which part of the split a task uses. */
  public enum Part {
    TRAIN,
    VALIDATION,
    TEST
  }

  private final Path dataDir;
  private final long splitSeed;
  private final Map<String, SliceDataSetIterator> iterators = new ConcurrentHashMap<>();
  private volatile Loaded loaded;
  private volatile Optional<IndexStamp> seen = Optional.empty();

  private record Loaded(RegisteredDataset dataset, DatasetSplits splits) {}

  private record IndexStamp(FileTime modified, long size) {}

  LocalData(@Value("${oncofed.node.data-dir}") Path dataDir,
      @Value("${oncofed.node.dataset.split-seed:20241121}") long splitSeed) {
    this.dataDir = dataDir;
    this.splitSeed = splitSeed;
  }

  /** True when a dataset has been registered in the data folder. */
  public boolean isRegistered() {
    return load().isPresent();
  }

  /** Aggregate counts of the registered dataset for the node's Hello; empty when none is registered. */
  public Optional<DatasetSummary> summary() {
    return load().map(data -> DatasetSummary.newBuilder()
        .setFingerprint(data.dataset().fingerprint())
        .setTrain(counts(data.splits().train()))
        .setValidation(counts(data.splits().validation()))
        .setTest(counts(data.splits().test()))
        .build());
  }

  /** Slices per class in a part of the split, in output order. */
  public long[] classCounts(Part part) {
    return split(part).classCounts();
  }

  /**
   * The slices of a part in the order its iterator yields them (validation and test are never
   * shuffled), with their labels and paths under the dataset root; these stay on the site.
   */
  public List<SliceRef> slices(Part part) {
    return split(part).slices();
  }

  /** What the update's provenance says about the data: the dataset fingerprint and counts, no identifiers. */
  public DataFingerprint fingerprint(Part part) {
    Loaded data = require();
    return new DataFingerprint(data.dataset().fingerprint(), part.name().toLowerCase(java.util.Locale.ROOT),
        Arrays.stream(split(part).classCounts()).boxed().toList());
  }

  /**
   * Minibatches of a part of the split, prepared as {@code options} says, rewound to before its
   * first epoch.
   */
  public SliceDataSetIterator iterator(Part part, PreprocessingOptions options) {
    return cached(part.name(), split(part), options);
  }

  /** What a training task reads: the slices it trains on and, when asked for, its hold-out patients. */
  public record TrainingData(SliceDataSetIterator train, @Nullable SliceDataSetIterator holdout) {}

  /**
   * The training part, with {@code holdoutFraction} of its patients kept apart (unaugmented, in a
   * fixed order) when positive; the hold-out depends only on the registration, the fraction and
   * {@code seed}.
   */
  public TrainingData trainingData(PreprocessingOptions options, double holdoutFraction, long seed) {
    if (holdoutFraction == 0) {
      return new TrainingData(iterator(Part.TRAIN, options), null);
    }
    DatasetSplit.HeldOut parts = split(Part.TRAIN).holdOut(holdoutFraction, seed);
    String key = "TRAIN-" + holdoutFraction + "-" + seed;
    return new TrainingData(cached(key, parts.train(), options),
        cached(key + "-holdout", parts.holdout(), options.unaugmented()));
  }

  private SliceDataSetIterator cached(String name, DatasetSplit split, PreprocessingOptions options) {
    SliceDataSetIterator iterator = iterators.computeIfAbsent(name + "/" + options, k -> {
      try {
        return require().dataset().iterator(split, options);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the " + name + " slices: " + e.getMessage(), e);
      }
    });
    iterator.rewindTo(0);
    return iterator;
  }

  private DatasetSplit split(Part part) {
    DatasetSplits splits = require().splits();
    return switch (part) {
      case TRAIN -> splits.train();
      case VALIDATION -> splits.validation();
      case TEST -> splits.test();
    };
  }

  private Loaded require() {
    return load().orElseThrow(() -> new IllegalStateException(
        "no dataset is registered in " + dataDir + ": run 'node dataset register' first"));
  }

  /**
   * True when the registration in the data folder is not the one last taken up: a dataset was
   * registered (again) since. The node takes it up between tasks, with {@link #useCurrentRegistration}.
   */
  public boolean registrationChanged() {
    return !stamp().equals(seen);
  }

  /**
   * Makes the registration now in the data folder the dataset in use, if it changed. Called only
   * while no task runs (before each Hello, and by the link when idle), so that a task never mixes
   * two datasets and the coordinator always knows the counts of the data tasks run on. A
   * registration that cannot be read leaves the one in use in place.
   */
  public synchronized void useCurrentRegistration() {
    if (!registrationChanged()) {
      return;
    }
    seen = stamp();
    Loaded previous = loaded;
    try {
      Optional<RegisteredDataset> found = RegisteredDataset.find(dataDir);
      if (found.isEmpty()) {
        LOG.warn("No dataset is registered in {} any more{}", dataDir,
            previous == null ? "" : "; the node keeps using " + shortFingerprint(previous));
        return;
      }
      loaded = new Loaded(found.get(), found.get().split(splitSeed, SplitFractions.DEFAULT));
      iterators.clear();
      LOG.info("Dataset {} registered in {} is in use{}", shortFingerprint(loaded), dataDir,
          previous == null ? "" : " (was " + shortFingerprint(previous) + ")");
    } catch (IOException | RuntimeException e) {
      LOG.warn("The dataset registered in {} cannot be used: {}{}", dataDir, e.getMessage(),
          previous == null ? "" : "; the node keeps using " + shortFingerprint(previous));
    }
  }

  private Optional<Loaded> load() {
    return Optional.ofNullable(loaded);
  }

  private static String shortFingerprint(Loaded data) {
    return data.dataset().fingerprint().substring(0, 12);
  }

  /** When and how big the index file was written; empty when there is none. */
  private Optional<IndexStamp> stamp() {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(new DatasetIndexStore(dataDir).indexFile(), BasicFileAttributes.class);
      return Optional.of(new IndexStamp(attributes.lastModifiedTime(), attributes.size()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static SplitCounts counts(DatasetSplit split) {
    return SplitCounts.newBuilder()
        .addAllPerClass(Arrays.stream(split.classCounts()).boxed().toList())
        .setPatients(split.patients())
        .build();
  }
}
