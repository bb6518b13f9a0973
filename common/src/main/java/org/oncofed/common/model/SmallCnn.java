package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * {@code small-cnn}: four 3×3 convolution blocks (16, 32, 64, 128 filters, each with ReLU and 2×2
 * max pooling), global max pooling and a softmax classifier. About 100 k parameters; sized for
 * CPU-only hosts at 64-128 px, where a 128 px slice costs about 60 M multiply-adds forward.
 *
 * <p>Global max rather than average pooling: a lesion covers a few of the last map's cells, and
 * whether it is there anywhere is what decides the class. Averaging dilutes that signal over the
 * whole slice; on the demo's synthetic hospitals the averaging head stayed at chance for the first
 * 80 or so Adam steps, the max head learned from the first rounds (docs/models.md).
 *
 * <p>It has no batch normalisation, on purpose: DL4J's CPU batch normalisation (without oneDNN)
 * costs more than the convolution it follows, and running statistics averaged across sites with
 * different scanners describe no site well. At this depth, He initialisation and Adam train
 * without it.
 */
final class SmallCnn implements ModelArchitecture {

  static final String NAME = "small-cnn";
  private static final int[] FILTERS = {16, 32, 64, 128};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "4-block CNN, ~100k parameters, for CPU hosts at 64-128 px";
  }

  /** Four 2×2 poolings leave a 2×2 map at 32 px. */
  @Override
  public int minInputSize() {
    return 32;
  }

  @Override
  public int maxInputSize() {
    return 256;
  }

  @Override
  public void addLayers(GraphBuilder graph, ModelSpec spec, ILossFunction loss) {
    String last = ModelCatalogue.INPUT;
    for (int block = 0; block < FILTERS.length; block++) {
      String name = "block" + (block + 1);
      graph.addLayer(
          name + "_conv",
          new ConvolutionLayer.Builder(3, 3).nOut(FILTERS[block]).activation(Activation.RELU).build(),
          last);
      last = name + "_conv";
      graph.addLayer(
          name + "_pool",
          new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(),
          last);
      last = name + "_pool";
    }
    GraphBlocks.classifierHead(graph, last, PoolingType.MAX, spec.classCount(), loss);
  }
}
