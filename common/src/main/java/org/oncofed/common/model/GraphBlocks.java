package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** What every catalogue architecture ends with. */
final class GraphBlocks {

  private GraphBlocks() {}

  /** Global pooling of the given type and the softmax classifier named {@link ModelCatalogue#OUTPUT}. */
  static void classifierHead(
      GraphBuilder graph, String input, PoolingType pooling, int classes, ILossFunction loss) {
    graph.addLayer("pool", new GlobalPoolingLayer.Builder(pooling).build(), input);
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
