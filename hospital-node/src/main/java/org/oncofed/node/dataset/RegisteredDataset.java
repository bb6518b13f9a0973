package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.oncofed.dicom.DicomReader;
import org.oncofed.dicom.Part10Reader;

/**
 * The dataset registered in a node's data folder, as training code sees it: patient-level splits
 * and DL4J iterators over them.
 */
public final class RegisteredDataset {

  private final Path dataDir;
  private final DatasetIndex index;
  private final DicomReader reader;

  private RegisteredDataset(Path dataDir, DatasetIndex index, DicomReader reader) {
    this.dataDir = dataDir;
    this.index = index;
    this.reader = reader;
  }

  /** Loads the registration from {@code dataDir}; fails when none exists. */
  public static RegisteredDataset load(Path dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    DatasetIndexStore store = new DatasetIndexStore(dataDir);
    return find(dataDir).orElseThrow(() -> new IOException(
        "no dataset registered in " + dataDir + " (expected " + store.indexFile()
            + "); run 'node dataset register' first"));
  }

  /** The registration in {@code dataDir}, or empty when none was made; fails when one is unreadable. */
  public static Optional<RegisteredDataset> find(Path dataDir) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    Optional<DatasetIndex> index = new DatasetIndexStore(dataDir).load();
    return index.map(found -> new RegisteredDataset(dataDir, found, new Part10Reader()));
  }

  public DatasetIndex index() {
    return index;
  }

  /** The content fingerprint (hashed UIDs, labels, content hashes: no patient data). */
  public String fingerprint() {
    return index.fingerprint();
  }

  /** Patient-level split, the same for the same seed, fractions and registration. */
  public DatasetSplits split(long seed, SplitFractions fractions) {
    return PatientSplitter.split(index.instances(), seed, Objects.requireNonNull(fractions, "fractions"));
  }

  /**
   * An iterator over one split. Slices not yet in the cache for these options are decoded first
   * (once; later iterators with the same options reuse them).
   */
  public SliceDataSetIterator iterator(DatasetSplit split, PreprocessingOptions options) throws IOException {
    return iterator(split, options, ProgressListener.NONE);
  }

  public SliceDataSetIterator iterator(
      DatasetSplit split, PreprocessingOptions options, ProgressListener progress) throws IOException {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(options, "options");
    SliceStore store = new SliceStore(Path.of(index.root()), reader, dataDir, options);
    store.prepare(split.slices(), progress);
    return new SliceDataSetIterator(split, store, options);
  }
}
