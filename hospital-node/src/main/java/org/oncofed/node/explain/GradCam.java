package org.oncofed.node.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.oncofed.common.model.ModelCatalogue;

/**
 * Grad-CAM class-activation maps for the catalogue's networks, which all end in a global pooling
 * vertex named {@value #POOL} and one softmax layer named {@link ModelCatalogue#OUTPUT}.
 *
 * <p>Grad-CAM weights the last feature maps {@code A_k} (size {@code H × W}) by
 * {@code alpha_k = (1/HW) Σ_ij ∂y_c/∂A_k(i,j)}, where {@code y_c = Σ_k w_kc p_k + b_c} is the
 * pre-softmax score of class {@code c} and {@code p_k} the pooled value of map {@code k}, and shows
 * {@code ReLU(Σ_k alpha_k A_k)}. Here {@code ∂y_c/∂A_k(i,j) = w_kc ∂p_k/∂A_k(i,j)}, and the
 * derivative of the pooling sums to one over the map: {@code 1/HW} in every cell for average
 * pooling, 1 at the maximum and 0 elsewhere for max pooling. So {@code alpha_k = w_kc / HW} for
 * both, and the map is {@code ReLU(Σ_k w_kc A_k)} up to the positive factor {@code 1/HW}, which the
 * scaling to [0, 1] removes. That is one forward pass and no backpropagation: the activations
 * feeding {@value #POOL} and the output layer's weight matrix ({@code nIn × nOut}) are enough.
 */
public final class GradCam {

  /** The global pooling vertex every catalogue architecture ends with. */
  static final String POOL = "pool";

  private final ComputationGraph network;
  private final String features;
  private final float[][] weights;

  /** @throws IllegalArgumentException when the network does not end in global pooling and one output layer */
  public GradCam(ComputationGraph network) {
    this.network = Objects.requireNonNull(network, "network");
    if (network.getVertex(POOL) == null || !network.getVertex(POOL).hasLayer()
        || !(network.getLayer(POOL).conf().getLayer() instanceof GlobalPoolingLayer pooling)) {
      throw new IllegalArgumentException("Grad-CAM needs a global pooling layer named '" + POOL + "'; the network has "
          + network.getConfiguration().getVertices().keySet());
    }
    if (pooling.getPoolingType() == PoolingType.PNORM) {
      throw new IllegalArgumentException(
          "Grad-CAM in closed form needs MAX, AVG or SUM global pooling, found " + pooling.getPoolingType());
    }
    List<String> poolInputs = network.getConfiguration().getVertexInputs().get(POOL);
    List<String> outputInputs = network.getConfiguration().getVertexInputs().get(ModelCatalogue.OUTPUT);
    if (poolInputs.size() != 1 || !List.of(POOL).equals(outputInputs)
        || !network.getVertex(ModelCatalogue.OUTPUT).hasLayer()) {
      throw new IllegalArgumentException("Grad-CAM needs one input into '" + POOL + "' and '" + POOL + "' alone into '"
          + ModelCatalogue.OUTPUT + "', found " + poolInputs + " and " + outputInputs);
    }
    this.features = poolInputs.get(0);
    Layer output = network.getLayer(ModelCatalogue.OUTPUT);
    if (!(output.conf().getLayer() instanceof OutputLayer)) {
      throw new IllegalArgumentException("Grad-CAM in closed form needs a dense output layer named '"
          + ModelCatalogue.OUTPUT + "', found " + output.conf().getLayer().getClass().getSimpleName());
    }
    this.weights = output.getParam("W").castTo(DataType.FLOAT).toFloatMatrix();
  }

  /** For each example of {@code input} ({@code [n, channels, height, width]}): its prediction, explained. */
  public List<Explanation> explainPredicted(INDArray input) {
    return explain(input, GradCam::argMax);
  }

  /** For each example of {@code input}: where it shows evidence for class {@code target}. */
  public List<Explanation> explain(INDArray input, int target) {
    if (target < 0 || target >= weights[0].length) {
      throw new IllegalArgumentException(
          "class index must be between 0 and " + (weights[0].length - 1) + ", found " + target);
    }
    return explain(input, probabilities -> target);
  }

  private List<Explanation> explain(INDArray input, ToIntFunction<float[]> target) {
    Objects.requireNonNull(input, "input");
    Map<String, INDArray> activations = network.feedForward(input, false);
    INDArray maps = activations.get(features);
    float[][] probabilities = activations.get(ModelCatalogue.OUTPUT).castTo(DataType.FLOAT).toFloatMatrix();
    if (maps.rank() != 4 || maps.size(1) != weights.length) {
      throw new IllegalStateException("'" + features + "' should give [n, " + weights.length
          + ", h, w] activations, found " + java.util.Arrays.toString(maps.shape()));
    }
    int height = (int) maps.size(2);
    int width = (int) maps.size(3);
    List<Explanation> explanations = new ArrayList<>(probabilities.length);
    for (int i = 0; i < probabilities.length; i++) {
      float[] cells = maps.get(NDArrayIndex.point(i)).castTo(DataType.FLOAT).dup('c')
          .reshape(weights.length * (long) height * width).toFloatVector();
      int explained = target.applyAsInt(probabilities[i]);
      explanations.add(new Explanation(probabilities[i], argMax(probabilities[i]), explained, height, width,
          scaled(weightedSum(cells, height * width, explained))));
    }
    return explanations;
  }

  /** {@code ReLU(Σ_k w_kc A_k)} over one example's maps, laid out {@code [k][cell]}. */
  private float[] weightedSum(float[] maps, int cells, int target) {
    float[] sum = new float[cells];
    for (int k = 0; k < weights.length; k++) {
      float w = weights[k][target];
      int offset = k * cells;
      for (int cell = 0; cell < cells; cell++) {
        sum[cell] += w * maps[offset + cell];
      }
    }
    for (int cell = 0; cell < cells; cell++) {
      sum[cell] = Math.max(0, sum[cell]);
    }
    return sum;
  }

  /** Divides by the maximum; a map with no positive cell stays zero. */
  private static float[] scaled(float[] map) {
    float max = 0;
    for (float v : map) {
      max = Math.max(max, v);
    }
    if (max > 0) {
      for (int i = 0; i < map.length; i++) {
        map[i] /= max;
      }
    }
    return map;
  }

  private static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
