package org.oncofed.node.train;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.oncofed.common.model.ModelCatalogue;

/**
 * Counts the minibatch examples the network classifies correctly, from the forward pass that
 * {@code fit} runs anyway, instead of a second, inference-only pass per minibatch (which cost about
 * a third of a training step). DL4J hands listeners the activations of every vertex but the output
 * layer, which computes its loss straight from its input; since softmax keeps the order of its
 * inputs, the predicted class is the largest of {@code input · W + b} of the output layer. The
 * parameters are those before the minibatch's update, so this is the accuracy "just before training
 * on them", as Keras reports it.
 */
final class ForwardPassAccuracy extends BaseTrainingListener {

  private final String outputInput;
  private INDArray labels;
  private long correct;

  ForwardPassAccuracy(ComputationGraph network) {
    this.outputInput = network.getConfiguration().getVertexInputs().get(ModelCatalogue.OUTPUT).get(0);
  }

  /** The one-hot labels of the minibatch about to be fitted. */
  void expect(INDArray labels) {
    this.labels = Objects.requireNonNull(labels, "labels");
  }

  /** Correct predictions counted since the last reset. */
  long correct() {
    return correct;
  }

  void reset() {
    correct = 0;
  }

  @Override
  public void onForwardPass(Model model, Map<String, INDArray> activations) {
    Layer output = ((ComputationGraph) model).getLayer(ModelCatalogue.OUTPUT);
    INDArray scores = activations.get(outputInput).mmul(output.getParam("W")).addiRowVector(output.getParam("b"));
    correct += scores.argMax(1).eq(labels.argMax(1)).castTo(DataType.INT64).sumNumber().longValue();
  }
}
