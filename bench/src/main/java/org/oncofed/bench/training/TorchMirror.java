package org.oncofed.bench.training;

import java.util.Locale;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingSetup;

/**
 * What the PyTorch copy of {@code small-cnn} must match, read from the catalogue's own DL4J
 * configuration at run time: the global pooling it passes to the script, and the parameter count
 * the script must report. A change to the catalogue's network thus either carries over (the
 * pooling) or stops the comparison with the difference named, instead of timing another network.
 */
record TorchMirror(String globalPooling, long parameters) {

  static TorchMirror of(ModelSpec spec) {
    ModelCatalogue catalogue = ModelCatalogue.standard();
    ComputationGraphConfiguration configuration = catalogue.configuration(spec, TrainingSetup.inference());
    PoolingType pooling = null;
    for (GraphVertex vertex : configuration.getVertices().values()) {
      if (vertex instanceof LayerVertex layer && layer.getLayerConf().getLayer() instanceof GlobalPoolingLayer global) {
        if (pooling != null) {
          throw new IllegalStateException(spec.architecture() + " has more than one global pooling layer; "
              + "the PyTorch copy has one");
        }
        pooling = global.getPoolingType();
      }
    }
    if (pooling != PoolingType.AVG && pooling != PoolingType.MAX) {
      throw new IllegalStateException("the PyTorch copy of " + spec.architecture()
          + " ends in global avg or max pooling, the catalogue's network in " + pooling);
    }
    return new TorchMirror(pooling.name().toLowerCase(Locale.ROOT), catalogue.parameterCount(spec));
  }

  /**
   * Checks the script's ready line ({@code ready <n> parameters, ...}).
   *
   * @throws IllegalStateException when the script built a network of another size
   */
  void check(String ready) {
    String[] words = ready.split(" ");
    long found = words.length > 2 && words[0].equals("ready") ? Long.parseLong(words[1]) : -1;
    if (found != parameters) {
      throw new IllegalStateException("the PyTorch copy of the network has " + found + " parameters, the catalogue's "
          + parameters + ": small_cnn_torch.py no longer mirrors the catalogue ('" + ready + "')");
    }
  }
}
