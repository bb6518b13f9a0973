package org.oncofed.node.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;

class GradCamTest {

  private static final int SIZE = 32;
  private static final int BLOB_ROW = 6;
  private static final int BLOB_COLUMN = 22;

  /**
   * Grad-CAM the generic way: the gradient of the class score with respect to the feature maps,
   * backpropagated by DL4J through the network's own pooling layer (the score is linear in the
   * pooled values with the output weights as slope), averaged per map into the map weights.
   */
  @ParameterizedTest
  @ValueSource(strings = {"small-cnn", "resnet-lite"})
  void closedFormAgreesWithBackpropagatedGradCam(String architecture) {
    ModelSpec spec = new ModelSpec(architecture, 64, 1, List.of("normal", "benign", "malignant"), 11);
    ComputationGraph network = ModelCatalogue.standard().initialise(spec);
    Nd4j.getRandom().setSeed(5);
    INDArray input = Nd4j.rand(DataType.FLOAT, 2, 1, 64, 64);
    String last = network.getConfiguration().getVertexInputs().get(GradCam.POOL).get(0);
    INDArray maps = network.feedForward(input, false).get(last);
    INDArray weights = network.getLayer(ModelCatalogue.OUTPUT).getParam("W");
    Layer pool = network.getLayer(GradCam.POOL);
    LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
    GradCam cam = new GradCam(network);
    int informative = 0;

    for (int c = 0; c < 3; c++) {
      pool.setInput(maps.dup(), workspaces);
      pool.activate(false, workspaces);
      INDArray scoreSlope = weights.getColumn(c).reshape(1, weights.rows()).repeat(0, 2).castTo(DataType.FLOAT);
      INDArray gradient = pool.backpropGradient(scoreSlope, workspaces).getSecond();
      float[][] alpha = gradient.mean(2, 3).castTo(DataType.FLOAT).toFloatMatrix();
      List<Explanation> explained = cam.explain(input, c);

      for (int i = 0; i < 2; i++) {
        float[] expected = scaled(weightedReLU(example(maps, i), alpha[i]));
        Explanation explanation = explained.get(i);
        assertThat(explanation.explained()).isEqualTo(c);
        assertThat(explanation.mapHeight()).isEqualTo(maps.size(2));
        assertThat(explanation.map()).containsExactly(expected, within(1e-4f));
        if (positiveCells(expected) > 1) {
          informative++;
        }
      }
    }
    assertThat(informative).as("maps with evidence in more than one cell").isPositive();
  }

  @Test
  void probabilitiesAndPredictionAreTheNetworksOwn() {
    ModelSpec spec = new ModelSpec("small-cnn", 32, 1, List.of("normal", "benign", "malignant"), 3);
    ComputationGraph network = ModelCatalogue.standard().initialise(spec);
    Nd4j.getRandom().setSeed(9);
    INDArray input = Nd4j.rand(DataType.FLOAT, 3, 1, 32, 32);
    float[][] expected = network.outputSingle(false, input).toFloatMatrix();

    List<Explanation> explained = new GradCam(network).explainPredicted(input);

    for (int i = 0; i < 3; i++) {
      assertThat(explained.get(i).probabilities()).containsExactly(expected[i], within(1e-6f));
      assertThat(explained.get(i).explained()).isEqualTo(explained.get(i).predicted());
      assertThat(expected[i][explained.get(i).predicted()]).isEqualTo(max(expected[i]));
    }
  }

  /**
   * A hand-set network: map 0 is the image, map 1 its negative (1 - x). Class 0 weighs map 0, so
   * it points at a bright blob; class 2 weighs map 1 against map 0, so it points everywhere but.
   * A transposed map, a wrong class column or misplaced upsampling moves the peak.
   */
  @Test
  void heatmapPeaksOnTheBrightBlobTheClassRespondsTo() {
    ComputationGraph network = blobDetector();
    INDArray input = Nd4j.create(blobImage(), new long[] {1, 1, SIZE, SIZE}, 'c');
    GradCam cam = new GradCam(network);

    Explanation bright = cam.explainPredicted(input).get(0);
    float[] heat = bright.heatmap(SIZE, SIZE);
    int peak = argMax(heat);

    assertThat(bright.predicted()).isZero();
    assertThat(Math.abs(peak / SIZE - BLOB_ROW)).isLessThanOrEqualTo(2);
    assertThat(Math.abs(peak % SIZE - BLOB_COLUMN)).isLessThanOrEqualTo(2);
    assertThat(heat[BLOB_ROW * SIZE + BLOB_COLUMN]).isGreaterThan(0.9f);
    assertThat(heat[BLOB_COLUMN * SIZE + BLOB_ROW]).isLessThan(0.3f);

    float[] elsewhere = cam.explain(input, 2).get(0).heatmap(SIZE, SIZE);
    assertThat(elsewhere[BLOB_ROW * SIZE + BLOB_COLUMN]).isLessThan(0.1f);
    assertThat(elsewhere[BLOB_COLUMN * SIZE + BLOB_ROW]).isGreaterThan(0.9f);
  }

  @Test
  void refusesANetworkWithoutTheCataloguesPoolingHead() {
    ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
        .dataType(DataType.FLOAT)
        .graphBuilder()
        .addInputs(ModelCatalogue.INPUT)
        .setInputTypes(InputType.convolutional(SIZE, SIZE, 1))
        .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(2).build(), ModelCatalogue.INPUT)
        .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
        .addLayer(ModelCatalogue.OUTPUT, new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "gap")
        .setOutputs(ModelCatalogue.OUTPUT)
        .build();
    ComputationGraph network = new ComputationGraph(configuration);
    network.init();

    assertThatThrownBy(() -> new GradCam(network))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Grad-CAM needs a global pooling layer named 'pool'; the network has ");
  }

  private static ComputationGraph blobDetector() {
    ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
        .dataType(DataType.FLOAT)
        .graphBuilder()
        .addInputs(ModelCatalogue.INPUT)
        .setInputTypes(InputType.convolutional(SIZE, SIZE, 1))
        .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.RELU).build(),
            ModelCatalogue.INPUT)
        .addLayer("subsample", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(),
            "conv")
        .addLayer(GradCam.POOL, new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "subsample")
        .addLayer(ModelCatalogue.OUTPUT, new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), GradCam.POOL)
        .setOutputs(ModelCatalogue.OUTPUT)
        .build();
    ComputationGraph network = new ComputationGraph(configuration);
    network.init();
    network.getLayer("conv").setParam("W", Nd4j.create(new float[] {1, -1}, new long[] {2, 1, 1, 1}, 'c'));
    network.getLayer("conv").setParam("b", Nd4j.create(new float[] {0, 1}, new long[] {1, 2}, 'c'));
    network.getLayer(ModelCatalogue.OUTPUT).setParam("W",
        Nd4j.create(new float[] {2, 0, -1, 0, 1, 1}, new long[] {2, 3}, 'c'));
    network.getLayer(ModelCatalogue.OUTPUT).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 3));
    return network;
  }

  /** A dim slice with a bright disc of radius 3 off the diagonal. */
  private static float[] blobImage() {
    float[] image = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        boolean inBlob = (y - BLOB_ROW) * (y - BLOB_ROW) + (x - BLOB_COLUMN) * (x - BLOB_COLUMN) <= 9;
        image[y * SIZE + x] = inBlob ? 1f : 0.1f;
      }
    }
    return image;
  }

  /** One example's maps as {@code [k][cell]}. */
  private static float[][] example(INDArray maps, int i) {
    int channels = (int) maps.size(1);
    int cells = (int) (maps.size(2) * maps.size(3));
    return maps.get(NDArrayIndex.point(i)).castTo(DataType.FLOAT).dup('c').reshape(channels, cells).toFloatMatrix();
  }

  private static float[] weightedReLU(float[][] maps, float[] alpha) {
    float[] sum = new float[maps[0].length];
    for (int k = 0; k < maps.length; k++) {
      for (int cell = 0; cell < sum.length; cell++) {
        sum[cell] += alpha[k] * maps[k][cell];
      }
    }
    for (int cell = 0; cell < sum.length; cell++) {
      sum[cell] = Math.max(0, sum[cell]);
    }
    return sum;
  }

  private static float[] scaled(float[] map) {
    float max = max(map);
    float[] out = new float[map.length];
    for (int i = 0; i < map.length; i++) {
      out[i] = max > 0 ? map[i] / max : 0;
    }
    return out;
  }

  private static int positiveCells(float[] map) {
    int count = 0;
    for (float v : map) {
      count += v > 0 ? 1 : 0;
    }
    return count;
  }

  private static float max(float[] values) {
    return values[argMax(values)];
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
