package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * One entry of the {@link ModelCatalogue}: a network layout that scales with the spec's input
 * size, channels and classes. Implementations hold no state; the same spec must always produce
 * the same layers with the same names, because parameter vectors are exchanged in DL4J's
 * {@code params()} order.
 */
public interface ModelArchitecture {

  /** Catalogue name as used in {@code ModelSpec.architecture}, for example {@code small-cnn}. */
  String name();

  /** One line for operators choosing an architecture. */
  String description();

  /** Smallest square input, in pixels, the layout accepts (the feature map must not vanish). */
  int minInputSize();

  /** Largest square input, in pixels, the layout is meant for. */
  int maxInputSize();

  /**
   * Adds the layers from the graph input {@link ModelCatalogue#INPUT} to a softmax output layer
   * named {@link ModelCatalogue#OUTPUT} with {@code spec.classCount()} outputs and the given loss.
   * Input types are set by the catalogue, so layers need not declare {@code nIn}.
   */
  void addLayers(GraphBuilder graph, ModelSpec spec, ILossFunction loss);

  /**
   * Whether the network may reuse activation memory between iterations (DL4J workspaces, the
   * fastest setting). SameDiff vertices in DL4J 1.0.0-M2.1 keep constant arrays (the axes their
   * gradients reduce over) in that memory and read garbage from the second iteration on, so
   * layouts with such vertices say no.
   */
  default boolean workspacesSafe() {
    return true;
  }
}
