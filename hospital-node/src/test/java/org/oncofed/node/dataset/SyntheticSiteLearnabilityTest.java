package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.WindowPreset;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/**
 * Smoke version of the learnability measurement in docs/datasets.md: a small CNN fed by the
 * dataset iterator learns a synthetic site well above chance. The cross-site measurement (minutes
 * of training) is documented, not run here.
 */
class SyntheticSiteLearnabilityTest {

  private static final int SIZE = 32;

  @TempDir Path temp;

  @Test
  void smallCnnLearnsASyntheticSiteThroughTheIterator() throws IOException {
    Path site = temp.resolve("site");
    SiteSynthesizer.synthesize(new SiteSynthesizer.Request(site, "smoke", 9, 2, ScannerProfile.SHARP,
        new double[] {1, 1, 1}));
    Path dataDir = temp.resolve("node");
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(dataDir, site, site.resolve(SiteSynthesizer.LABELS_FILE), ProgressListener.NONE);
    RegisteredDataset dataset = RegisteredDataset.load(dataDir);
    DatasetSplit all = dataset.split(1, new SplitFractions(1, 0, 0)).train();
    SliceDataSetIterator iterator = dataset.iterator(all,
        PreprocessingOptions.of(SIZE, 1, WindowPreset.SOFT_TISSUE, false, 3, 16));
    MultiLayerNetwork network = smallCnn();

    int threads = Nd4j.getEnvironment().maxThreads();
    Nd4j.getEnvironment().setMaxThreads(1);
    double accuracyBefore;
    double accuracyAfter;
    try {
      accuracyBefore = network.evaluate(iterator).accuracy();
      iterator.reset();
      for (int epoch = 0; epoch < 15; epoch++) {
        network.fit(iterator);
        iterator.reset();
      }
      accuracyAfter = network.evaluate(iterator).accuracy();
    } finally {
      Nd4j.getEnvironment().setMaxThreads(threads);
    }

    assertThat(accuracyAfter).isGreaterThan(0.7).isGreaterThan(accuracyBefore + 0.2);
  }

  private static MultiLayerNetwork smallCnn() {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(7)
        .updater(new Adam(3e-3))
        .weightInit(WeightInit.XAVIER)
        .list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.IDENTITY).build())
        .layer(new BatchNormalization.Builder().build())
        .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.IDENTITY).build())
        .layer(new BatchNormalization.Builder().build())
        .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
        .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(SIZE, SIZE, 1))
        .build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    return network;
  }
}
