package org.oncofed.node.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.node.link.FakeCoordinator;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.ModelSpec;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.TrainTask;
import org.oncofed.proto.federation.v1.TrainingConfig;

/**
 * The node application declines, with the reason, a task it must not run: before a dataset is
 * registered, and when the task is outside the site's policy. It announces its dataset once
 * registered.
 */
class TaskDeclineTest {

  @Test
  void declinesWithoutADatasetAndOutsideItsPolicy(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("harbour");
    Path dataDir = dir.resolve("node");
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0);
        ApplicationContext node = TestNodes.start(pki, site, dataDir, coordinator.port(),
            Map.of("oncofed.node.policy.allowed-architectures", "resnet-lite"))) {
      Hello first = coordinator.hellos.poll(20, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.hasDataset()).isFalse();
      assertThat(first.getCatalogueList()).contains("small-cnn", "resnet-lite");

      coordinator.send(train("t-1", "small-cnn", 1));
      assertThat(nextReport(coordinator).getDeclined().getReason()).isEqualTo("this site has no registered dataset");

      TestNodes.registerSmallDataset(dir, dataDir);
      // The running node takes the registration up while idle and says Hello again with its counts.
      Hello second = coordinator.hellos.poll(20, TimeUnit.SECONDS);
      assertThat(second).isNotNull();
      assertThat(second.hasDataset()).as("the new registration announced").isTrue();
      coordinator.send(train("t-2", "small-cnn", 1));
      NodeMessage refusal = nextReport(coordinator);
      assertThat(refusal.getDeclined().getTaskId()).isEqualTo("t-2");
      assertThat(refusal.getDeclined().getReason()).isEqualTo("site policy allows only [resnet-lite], not 'small-cnn'");

      coordinator.send(train("t-3", "resnet-lite", 5000));
      assertThat(nextReport(coordinator).getDeclined().getReason())
          .isEqualTo("site policy allows at most 1000 epochs per task, the task asks for 5000");
    }
  }

  private static CoordinatorMessage train(String taskId, String architecture, int epochs) {
    return CoordinatorMessage.newBuilder().setTrain(TrainTask.newBuilder()
            .setTaskId(taskId)
            .setExperimentId("e")
            .setRound(1)
            .setSpec(ModelSpec.newBuilder().setArchitecture(architecture).setInputSize(32).setChannels(1)
                .addClasses("normal").addClasses("benign").addClasses("malignant"))
            .setTraining(TrainingConfig.newBuilder().setEpochs(epochs).setBatchSize(8).setOptimizer("adam")
                .setLearningRate(0.01).setWindowWidth(400))
            .setDeadlineMs(System.currentTimeMillis() + 60_000))
        .build();
  }

  private static NodeMessage nextReport(FakeCoordinator coordinator) throws InterruptedException {
    NodeMessage message = coordinator.reports.poll(20, TimeUnit.SECONDS);
    assertThat(message).as("a report from the node").isNotNull();
    return message;
  }
}
