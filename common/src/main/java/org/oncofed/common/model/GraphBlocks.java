package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** Building blocks shared by the catalogue's architectures. Each returns the name of its last vertex. */
final class GraphBlocks {

  private GraphBlocks() {}

  /**
   * Convolution (no bias: batch normalisation follows) and batch normalisation, then ReLU when
   * {@code relu}. Vertices are named {@code <name>_conv}, {@code <name>_bn}, {@code <name>_relu}.
   */
  static String convBn(
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

  static String relu(GraphBuilder graph, String name, String input) {
    graph.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), input);
    return name;
  }

  /** Global average pooling and the softmax classifier named {@link ModelCatalogue#OUTPUT}. */
  static void classifierHead(GraphBuilder graph, String input, int classes, ILossFunction loss) {
    graph.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), input);
    graph.addLayer(
        ModelCatalogue.OUTPUT,
        new OutputLayer.Builder(loss)
            .nOut(classes)
            .activation(Activation.SOFTMAX)
            .weightInit(WeightInit.XAVIER)
            .build(),
        "pool");
    graph.setOutputs(ModelCatalogue.OUTPUT);
  }
}
