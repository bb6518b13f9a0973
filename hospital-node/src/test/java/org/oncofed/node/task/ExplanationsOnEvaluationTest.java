package org.oncofed.node.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.TumourClass;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.DatasetSplit;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.node.dataset.RegisteredDataset;
import org.oncofed.node.dataset.SplitFractions;
import org.oncofed.node.link.FakeCoordinator;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.ModelKind;
import org.oncofed.proto.federation.v1.TrainingConfig;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/**
 * A node evaluating a global model on its test split leaves Grad-CAM heatmaps of its first test
 * slices per class in its data folder, and still reports only counts; baselines and validation
 * evaluations leave nothing, and a failure to write never fails the evaluation.
 */
class ExplanationsOnEvaluationTest {

  private static final long SPLIT_SEED = 77;
  private static final int PER_CLASS = 2;
  private static final ModelSpec SPEC = new ModelSpec("small-cnn", 32, 1, TumourClass.labels(), 5);

  @Test
  void globalModelOnTheTestSplitLeavesAPageOfHeatmapsOnTheSite(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("harbour");
    Path dataDir = dir.resolve("node");
    DatasetSplit test = registerDataset(dir, dataDir);
    long[] perClass = test.classCounts();
    assertThat(Arrays.stream(perClass).filter(n -> n > 0).count()).as("classes in the test split").isGreaterThan(1);
    ComputationGraph network = ModelCatalogue.standard().initialise(SPEC);
    EncodedParameters model = EncodedParameters.encode(network.params().toFloatVector());
    Path explanations = dataDir.resolve("explanations");
    Files.createDirectories(explanations);
    Files.writeString(explanations.resolve("e-blocked"), "a file where the folder should be");

    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0);
        ApplicationContext node = startNode(pki, site, dataDir, coordinator.port())) {
      coordinator.models.put(model.sha256(), model);
      assertThat(coordinator.hellos.poll(20, TimeUnit.SECONDS)).isNotNull();
      coordinator.send(evaluate("t-1", "e-baseline", model, DataSplit.DATA_SPLIT_TEST,
          ModelKind.MODEL_KIND_LOCAL_BASELINE));
      coordinator.send(evaluate("t-2", "e-validation", model, DataSplit.DATA_SPLIT_VALIDATION,
          ModelKind.MODEL_KIND_GLOBAL));
      coordinator.send(evaluate("t-3", "e-blocked", model, DataSplit.DATA_SPLIT_TEST, ModelKind.MODEL_KIND_GLOBAL));
      coordinator.send(evaluate("t-4", "e-global", model, DataSplit.DATA_SPLIT_TEST, ModelKind.MODEL_KIND_GLOBAL));

      List<String> evaluated = List.of(nextEvaluation(coordinator).getTaskId(), nextEvaluation(coordinator).getTaskId(),
          nextEvaluation(coordinator).getTaskId(), nextEvaluation(coordinator).getTaskId());
      assertThat(evaluated).containsExactly("t-1", "t-2", "t-3", "t-4");
    }

    try (Stream<Path> folders = Files.list(explanations)) {
      assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("e-blocked", "e-global");
    }
    Path folder = explanations.resolve("e-global");
    String page = Files.readString(folder.resolve("index.html"));
    assertThat(page).contains(model.sha256(), "e-global", "never left the site");
    int expected = 0;
    for (TumourClass c : TumourClass.values()) {
      int shown = (int) Math.min(PER_CLASS, perClass[c.ordinal()]);
      expected += shown;
      assertThat(page).contains("True class: " + c.label() + " (" + shown + (shown == 1 ? " slice)" : " slices)"));
      for (int k = 1; k <= shown; k++) {
        String image = String.format("%s-%02d.png", c.label(), k);
        assertThat(page).contains("src=\"" + image + "\"");
        BufferedImage overlay = ImageIO.read(folder.resolve(image).toFile());
        assertThat(overlay.getWidth()).isEqualTo(256);
        assertThat(overlay.getHeight()).isEqualTo(256);
      }
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(expected);
    }
    assertThat(page.split("<figure>", -1)).hasSize(expected + 1);
  }

  /** Registers a synthetic site and returns its test split as the node will see it. */
  private static DatasetSplit registerDataset(Path dir, Path dataDir) throws Exception {
    Path archive = dir.resolve("archive");
    SiteSynthesizer.Summary summary = SiteSynthesizer.synthesize(
        new SiteSynthesizer.Request(archive, "harbour", 14, 3, ScannerProfile.STANDARD, null));
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(dataDir, archive, summary.labels(), ProgressListener.NONE);
    return RegisteredDataset.load(dataDir).split(SPLIT_SEED, SplitFractions.DEFAULT).test();
  }

  private static ApplicationContext startNode(DevPki pki, Credential site, Path dataDir, int port) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("oncofed.tls.certificate", site.certificate().toString());
    properties.put("oncofed.tls.private-key", site.privateKey().toString());
    properties.put("oncofed.tls.ca", pki.caCertificate().toString());
    properties.put("oncofed.node.data-dir", dataDir.toString());
    properties.put("oncofed.node.dataset.split-seed", SPLIT_SEED);
    properties.put("oncofed.node.explanations.per-class", PER_CLASS);
    properties.put("oncofed.node.link.coordinator", "localhost:" + port);
    properties.put("micronaut.server.port", -1);
    // The tasks here are built by hand, without a plan: this test is about explanations, not approval.
    properties.put("oncofed.node.policy.approval-required", false);
    ApplicationContext context = ApplicationContext.run(properties);
    context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).start();
    return context;
  }

  private static CoordinatorMessage evaluate(String taskId, String experimentId, EncodedParameters model,
      DataSplit split, ModelKind kind) {
    return CoordinatorMessage.newBuilder().setEvaluate(EvaluateTask.newBuilder()
            .setTaskId(taskId)
            .setExperimentId(experimentId)
            .setRound(1)
            .setSpec(SPEC.toProto())
            .setModel(model.toModelRef())
            .setSplit(split)
            .setHistogramBins(10)
            .setDeadlineMs(System.currentTimeMillis() + 120_000)
            .setPreprocessing(TrainingConfig.newBuilder().setEpochs(1).setBatchSize(8).setOptimizer("adam")
                .setLearningRate(0.01).setWindowCenter(40).setWindowWidth(400).setNormalisation("window")
                .setResizePolicy("aspect"))
            .setModelKind(kind))
        .build();
  }

  private static EvaluationReport nextEvaluation(FakeCoordinator coordinator) throws InterruptedException {
    EvaluationReport report = coordinator.evaluations.poll(60, TimeUnit.SECONDS);
    assertThat(report).as("an evaluation from the node").isNotNull();
    return report;
  }
}
