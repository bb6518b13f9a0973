package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * {@code resnet-lite}: the ResNet-18 layout (7×7 stem, max pooling, four stages of two basic
 * residual blocks, global average pooling) at half its widths (32, 64, 128, 256 filters). About
 * 2.8 M parameters (11 MB per update); sized for GPU hosts at 224 px. The overall stride is 32,
 * so 224 px ends on a 7×7 map.
 */
final class ResNetLite implements ModelArchitecture {

  static final String NAME = "resnet-lite";
  private static final int[] WIDTHS = {32, 64, 128, 256};
  private static final int BLOCKS_PER_STAGE = 2;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "ResNet-18 layout at half width, ~2.8M parameters, for GPU hosts at 224 px";
  }

  /** An overall stride of 32 leaves a 1×1 map at 32 px. */
  @Override
  public int minInputSize() {
    return 32;
  }

  @Override
  public int maxInputSize() {
    return 512;
  }

  @Override
  public void addLayers(GraphBuilder graph, ModelSpec spec, ILossFunction loss) {
    String last = convBn(graph, "stem", ModelCatalogue.INPUT, 7, 2, WIDTHS[0], true);
    graph.addLayer(
        "stem_pool",
        new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2).build(),
        last);
    last = "stem_pool";
    int channels = WIDTHS[0];
    for (int stage = 0; stage < WIDTHS.length; stage++) {
      for (int block = 0; block < BLOCKS_PER_STAGE; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        String name = "s" + (stage + 1) + "b" + (block + 1);
        last = basicBlock(graph, name, last, channels, WIDTHS[stage], stride);
        channels = WIDTHS[stage];
      }
    }
    GraphBlocks.classifierHead(graph, last, PoolingType.AVG, spec.classCount(), loss);
  }

  /** Two 3×3 convolutions plus a shortcut; the shortcut is a 1×1 projection when the shape changes. */
  private static String basicBlock(
      GraphBuilder graph, String name, String input, int inChannels, int filters, int stride) {
    String first = convBn(graph, name + "a", input, 3, stride, filters, true);
    String second = convBn(graph, name + "b", first, 3, 1, filters, false);
    String shortcut = input;
    if (stride != 1 || inChannels != filters) {
      shortcut = convBn(graph, name + "_proj", input, 1, stride, filters, false);
    }
    graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), second, shortcut);
    return relu(graph, name + "_relu", name + "_add");
  }

  /**
   * Convolution (no bias: batch normalisation follows) and batch normalisation, then ReLU when
   * {@code relu}. Vertices are named {@code <name>_conv}, {@code <name>_bn}, {@code <name>_relu};
   * returns the name of the last.
   */
  private static String convBn(
      GraphBuilder graph, String name, String input, int kernel, int stride, int filters, boolean relu) {
    graph.addLayer(
        name + "_conv",
        new ConvolutionLayer.Builder(kernel, kernel)
            .stride(stride, stride)
            .nOut(filters)
            .hasBias(false)
            .activation(Activation.IDENTITY)
            .build(),
        input);
    graph.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name + "_conv");
    if (!relu) {
      return name + "_bn";
    }
    return relu(graph, name + "_relu", name + "_bn");
  }

  private static String relu(GraphBuilder graph, String name, String input) {
    graph.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), input);
    return name;
  }
}
