package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oncofed.node.dataset.RegisteredDataset;
import org.oncofed.node.dataset.SplitFractions;

/**
 * How far the centralised reference's test patients are the federation's: each node splits its own
 * patients, so the pooled node's test split is drawn over all patients at once while the sites'
 * are drawn site by site. Computed as the nodes compute their splits (same registration, seed and
 * fractions) with patient keys that agree across nodes.
 *
 * @param sitesTestPatients patients in the union of the sites' test splits
 * @param pooledTestPatients patients in the pooled node's test split
 * @param shared patients in both
 */
record TestSets(int sitesTestPatients, int pooledTestPatients, int shared) {

  static TestSets of(List<Path> siteDataDirs, Path pooledDataDir, long splitSeed) throws IOException {
    Set<String> sites = new HashSet<>();
    for (Path dir : siteDataDirs) {
      sites.addAll(testPatients(dir, splitSeed));
    }
    Set<String> pooled = testPatients(pooledDataDir, splitSeed);
    Set<String> shared = new HashSet<>(pooled);
    shared.retainAll(sites);
    return new TestSets(sites.size(), pooled.size(), shared.size());
  }

  private static Set<String> testPatients(Path dataDir, long splitSeed) throws IOException {
    return RegisteredDataset.load(dataDir).split(splitSeed, SplitFractions.DEFAULT).test().patientKeys();
  }

  String describe() {
    return String.format("test patients: %d at the sites, %d at the pooled node, %d in both", sitesTestPatients,
        pooledTestPatients, shared);
  }
}
