package org.oncofed.coordinator.web;

import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.api.ExperimentView;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.report.ExperimentReports;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRepository;
import org.oncofed.coordinator.task.TaskStatus;
import org.oncofed.proto.federation.v1.TaskProgress;

/** Assembles the status views of the experiment API. */
@Singleton
class ExperimentViews {

  private final ExperimentReports reports;
  private final TaskRepository tasks;
  private final TaskBook book;

  ExperimentViews(ExperimentReports reports, TaskRepository tasks, TaskBook book) {
    this.reports = reports;
    this.tasks = tasks;
    this.book = book;
  }

  ExperimentView view(ExperimentRecord experiment) {
    ExperimentPlan plan = ExperimentPlan.of(experiment.id(), experiment.configJson());
    List<ExperimentView.TaskView> open = tasks.findByExperimentId(experiment.id()).stream()
        .filter(task -> task.status() == TaskStatus.ASSIGNED)
        .map(this::taskView)
        .toList();
    return new ExperimentView(experiment.id(), experiment.name(), experiment.createdBy(), experiment.createdAt(),
        experiment.status().name(), experiment.statusReason(), experiment.startedAt(), experiment.finishedAt(),
        experiment.currentRound(), plan.rounds(), experiment.configSha256(), plan.config(),
        experiment.initialModelSha256(), reports.currentModel(experiment), experiment.bestModelSha256(),
        experiment.bestRound(), experiment.bestScore(), reports.rounds(experiment), open,
        reports.finalResults(experiment), reports.sites(experiment));
  }

  static ExperimentView.Summary summary(ExperimentRecord experiment) {
    return new ExperimentView.Summary(experiment.id(), experiment.name(), experiment.createdBy(),
        experiment.createdAt(), experiment.status().name(), experiment.currentRound(),
        ExperimentPlan.of(experiment.id(), experiment.configJson()).rounds(), experiment.bestScore());
  }

  private ExperimentView.TaskView taskView(TaskRecord task) {
    TaskProgress progress = book.progress(task.taskId()).orElse(null);
    return new ExperimentView.TaskView(task.taskId(), task.siteId(), task.kind().name(), task.roundNo(),
        progress == null ? null : progress.getEpoch(), progress == null ? null : progress.getTotalEpochs(),
        progress == null ? null : progress.getLoss(), progress == null ? null : progress.getFractionDone());
  }
}
