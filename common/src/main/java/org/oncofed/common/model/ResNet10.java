package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * {@code resnet-10} and {@code resnet-10-cbam}: residual networks for CPU hosts at 64-256 px. A
 * 3×3 stride-2 stem (32 filters), four stages of one basic block each (two 3×3 convolutions; 32,
 * 64, 128, 256 filters; stages 2-4 halve the map, with a 1×1 projection shortcut), global max
 * pooling and a softmax classifier: ten weighted layers, about 1.2 M parameters, about 60 M
 * multiply-adds forward at 64 px (as much as small-cnn at 128 px).
 *
 * <p>No batch normalisation, for small-cnn's reasons (slow on CPU without oneDNN; running
 * statistics averaged across sites describe none). Instead each block's second convolution starts
 * at zero, so every block starts as the identity and the network as a shallow one, which is what
 * lets residual networks train without normalisation (Fixup, Zhang, Dauphin and Ma, ICLR 2019).
 *
 * <p>The {@code -cbam} variant refines each block's output with a convolutional block attention
 * module before the shortcut is added ({@link Cbam}).
 */
final class ResNet10 implements ModelArchitecture {

  static final String NAME = "resnet-10";
  static final String CBAM_NAME = "resnet-10-cbam";
  private static final int[] WIDTHS = {32, 64, 128, 256};

  private final boolean attention;

  ResNet10(boolean attention) {
    this.attention = attention;
  }

  @Override
  public String name() {
    return attention ? CBAM_NAME : NAME;
  }

  @Override
  public String description() {
    return attention
        ? "residual network with channel and spatial attention (CBAM), ~1.25M parameters, for CPU hosts at 64-256 px"
        : "10-layer residual network, ~1.2M parameters, for CPU hosts at 64-256 px";
  }

  /** The attention module's broadcasts are SameDiff vertices. */
  @Override
  public boolean workspacesSafe() {
    return !attention;
  }

  /** An overall stride of 16 leaves a 2×2 map at 32 px. */
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
    graph.addLayer("stem_conv", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(WIDTHS[0])
        .activation(Activation.RELU).build(), ModelCatalogue.INPUT);
    String last = "stem_conv";
    int channels = WIDTHS[0];
    for (int stage = 0; stage < WIDTHS.length; stage++) {
      last = basicBlock(graph, "s" + (stage + 1), last, channels, WIDTHS[stage], stage == 0 ? 1 : 2);
      channels = WIDTHS[stage];
    }
    GraphBlocks.classifierHead(graph, last, PoolingType.MAX, spec.classCount(), loss);
  }

  private String basicBlock(GraphBuilder graph, String name, String input, int inChannels, int filters, int stride) {
    graph.addLayer(name + "a_conv", new ConvolutionLayer.Builder(3, 3).stride(stride, stride).nOut(filters)
        .activation(Activation.RELU).build(), input);
    graph.addLayer(name + "b_conv", new ConvolutionLayer.Builder(3, 3).nOut(filters)
        .activation(Activation.IDENTITY).weightInit(WeightInit.ZERO).build(), name + "a_conv");
    String residual = attention ? Cbam.add(graph, name + "_cbam", name + "b_conv", filters) : name + "b_conv";
    String shortcut = input;
    if (stride != 1 || inChannels != filters) {
      graph.addLayer(name + "_proj", new ConvolutionLayer.Builder(1, 1).stride(stride, stride).nOut(filters)
          .activation(Activation.IDENTITY).build(), input);
      shortcut = name + "_proj";
    }
    graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), residual, shortcut);
    graph.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_add");
    return name + "_relu";
  }
}
