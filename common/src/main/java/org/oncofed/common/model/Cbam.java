package org.oncofed.common.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.StackVertex;
import org.deeplearning4j.nn.conf.graph.UnstackVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;

/**
 * Convolutional block attention module (Woo, Park, Lee and Kweon, ECCV 2018): a feature map is
 * scaled per channel by {@code σ(MLP(avgpool) + MLP(maxpool))} (one MLP, reduction 8, shared by
 * both pooled vectors: they are stacked along the batch axis through it), then per position by
 * {@code σ(conv7×7([mean over channels, max over channels]))}.
 */
final class Cbam {

  private static final int REDUCTION = 8;

  private Cbam() {}

  /** Adds the module after {@code input} ({@code channels} channels); returns the refined map's vertex name. */
  static String add(GraphBuilder graph, String name, String input, int channels) {
    graph.addLayer(name + "_avg", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), input);
    graph.addLayer(name + "_max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), input);
    graph.addVertex(name + "_stack", new StackVertex(), name + "_avg", name + "_max");
    graph.addLayer(name + "_mlp1", new DenseLayer.Builder().nOut(Math.max(1, channels / REDUCTION))
        .activation(Activation.RELU).build(), name + "_stack");
    graph.addLayer(name + "_mlp2", new DenseLayer.Builder().nOut(channels).activation(Activation.IDENTITY).build(),
        name + "_mlp1");
    graph.addVertex(name + "_mlp_avg", new UnstackVertex(0, 2), name + "_mlp2");
    graph.addVertex(name + "_mlp_max", new UnstackVertex(1, 2), name + "_mlp2");
    graph.addVertex(name + "_mlp_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), name + "_mlp_avg",
        name + "_mlp_max");
    graph.addLayer(name + "_channel_gate", new ActivationLayer.Builder().activation(Activation.SIGMOID).build(),
        name + "_mlp_sum");
    graph.addVertex(name + "_channel", new ChannelScale(), input, name + "_channel_gate");
    graph.addVertex(name + "_pooled", new ChannelPool(), name + "_channel");
    graph.addLayer(name + "_spatial_gate", new ConvolutionLayer.Builder(7, 7).nOut(1)
        .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build(), name + "_pooled");
    graph.addVertex(name + "_spatial", new SpatialScale(), name + "_channel", name + "_spatial_gate");
    return name + "_spatial";
  }

  /**
   * A vertex without parameters. Counting them otherwise builds the vertex's graph, which fails
   * before the network has given it a data type.
   */
  public abstract static class ParameterFree extends SameDiffLambdaVertex {
    @Override
    public long numParams(boolean backprop) {
      return 0;
    }
  }

  /** A gate applied to the map of its first input, whose shape it keeps. */
  public abstract static class Gate extends ParameterFree {
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
      return vertexInputs[0];
    }
  }

  /** {@code x [n, c, h, w]} times a gate {@code [n, c]} per channel. */
  public static final class ChannelScale extends Gate {
    @Override
    public SDVariable defineVertex(SameDiff sameDiff, VertexInputs inputs) {
      // [h, w, n, c] broadcasts against [n, c]; the same permutation restores [n, c, h, w].
      return inputs.getInput(0).permute(2, 3, 0, 1).mul(inputs.getInput(1)).permute(2, 3, 0, 1);
    }
  }

  /** {@code [n, c, h, w]} to {@code [n, 2, h, w]}: the mean and the maximum over the channels. */
  public static final class ChannelPool extends ParameterFree {
    @Override
    public SDVariable defineVertex(SameDiff sameDiff, VertexInputs inputs) {
      SDVariable x = inputs.getInput(0);
      return sameDiff.concat(1, x.mean(true, 1), x.max(true, 1));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
      InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) vertexInputs[0];
      return InputType.convolutional(in.getHeight(), in.getWidth(), 2, in.getFormat());
    }
  }

  /** {@code x [n, c, h, w]} times a gate {@code [n, 1, h, w]} per position. */
  public static final class SpatialScale extends Gate {
    @Override
    public SDVariable defineVertex(SameDiff sameDiff, VertexInputs inputs) {
      return inputs.getInput(0).mul(inputs.getInput(1));
    }
  }
}
