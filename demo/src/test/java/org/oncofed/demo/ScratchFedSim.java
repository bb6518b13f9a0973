package org.oncofed.demo;

import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.oncofed.common.TumourClass;
import org.oncofed.common.metrics.*;
import org.oncofed.common.model.*;
import org.oncofed.coordinator.aggregation.*;
import org.oncofed.node.dataset.*;
import org.oncofed.node.train.*;

class ScratchFedSim {
  record Site(String name, RegisteredDataset ds, DatasetSplits splits) {}
  @Test void sim() throws Exception {
    List<Site> sites = new ArrayList<>();
    double scale = Double.parseDouble(System.getProperty("scale", "1"));
    Path root = Path.of("/tmp/sim-" + scale);
    for (var h : SyntheticHospitals.threeSites(scale)) {
      if (!java.nio.file.Files.exists(root.resolve("nodes").resolve(h.site()))) {
        System.out.println("SYNTH " + SyntheticHospitals.prepare(h, root.resolve("archives"), root.resolve("nodes").resolve(h.site())));
      }
    }
    for (String s : List.of("northshore", "riverside", "lakeside")) {
      RegisteredDataset ds = RegisteredDataset.load(root.resolve("nodes").resolve(s));
      sites.add(new Site(s, ds, ds.split(20241121L, SplitFractions.DEFAULT)));
    }
    ModelCatalogue cat = ModelCatalogue.standard();
    int size = Integer.getInteger("size", 64);
    String[] cfgs = System.getProperty("configs").split(";");
    for (String c : cfgs) {
      String[] p = c.split(":");  // opt:lr:bs:epochs:rounds:augment:strategy
      ModelSpec spec = new ModelSpec("small-cnn", size, 1, TumourClass.labels(), 42);
      float[] init = NetworkParameters.read(cat.initialise(spec));
      int bs = Integer.parseInt(p[2]), epochs = Integer.parseInt(p[3]), rounds = Integer.parseInt(p[4]);
      boolean aug = Boolean.parseBoolean(p[5]);
      TrainingConfig cfg = new TrainingConfig(epochs, bs, Optimizer.fromWireName(p[0]), Double.parseDouble(p[1]), 0, true, aug, 7, 40, 400);
      AggregationStrategy strategy = AggregationStrategies.create(p[6], Map.of());
      float[] global = init; StrategyState state = strategy.initialState();
      long t0 = System.nanoTime();
      for (int r = 1; r <= rounds; r++) {
        RoundAggregator agg = strategy.beginRound(global, state);
        for (Site s : sites) {
          var it = s.ds().iterator(s.splits().train(), new PreprocessingOptions(size, 1, 40, 400, Normalisation.WINDOW, aug, 7 + r, bs));
          var out = new LocalTrainer(cat).train(new TrainingRequest(spec, global, cfg, s.splits().train().classCounts()), it, e -> {}, CancellationSignal.none());
          agg.accept(new ModelUpdate(s.name(), out.parameters(), out.sampleCount()));
        }
        var res = agg.finish(); global = res.parameters(); state = res.state();
        System.out.printf("CFG %s round %d val %.3f%n", c, r, acc(cat, spec, global, sites, true));
      }
      double fed = acc(cat, spec, global, sites, false);
      StringBuilder base = new StringBuilder();
      TrainingConfig bcfg = new TrainingConfig(epochs * rounds, bs, cfg.optimizer(), cfg.learningRate(), 0, true, aug, 7, 40, 400);
      for (Site s : sites) {
        var it = s.ds().iterator(s.splits().train(), new PreprocessingOptions(size, 1, 40, 400, Normalisation.WINDOW, aug, 7, bs));
        var out = new LocalTrainer(cat).train(new TrainingRequest(spec, init, bcfg, s.splits().train().classCounts()), it, e -> {}, CancellationSignal.none());
        base.append(String.format(" %s=%.3f", s.name(), acc(cat, spec, out.parameters(), sites, false)));
      }
      System.out.printf("RESULT %s: federated test %.3f | local%s | %.0fs%n", c, fed, base, (System.nanoTime() - t0) / 1e9);
    }
  }
  static double acc(ModelCatalogue cat, ModelSpec spec, float[] params, List<Site> sites, boolean validation) throws Exception {
    List<EvaluationCounts> all = new ArrayList<>();
    for (Site s : sites) {
      var split = validation ? s.splits().validation() : s.splits().test();
      var it = s.ds().iterator(split, new PreprocessingOptions(spec.inputSize(), 1, 40, 400, Normalisation.WINDOW, false, 7, 32));
      all.add(new LocalEvaluator(cat).evaluate(spec, params, it, 50, CancellationSignal.none()));
    }
    var m = ClassificationMetrics.pooled(all);
    return m.accuracy();
  }
}
