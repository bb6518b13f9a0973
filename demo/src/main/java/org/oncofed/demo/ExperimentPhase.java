package org.oncofed.demo;

import java.util.Locale;
import java.util.function.Predicate;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.RoundView;

/**
 * A point in an experiment's life that a fault can be aimed at, recognised from what the
 * coordinator's API shows. {@link #CREATED} is the moment between creating and starting it.
 */
enum ExperimentPhase {
  CREATED(view -> view.status().equals("CREATED")),
  /** Sites are training for a round and none has uploaded yet. */
  TRAINING(view -> hasOpenTask(view, "TRAIN") && acceptedInCurrentRound(view) == 0),
  /** At least one update of the round is acknowledged, others are still being trained. */
  UPLOADS(view -> hasOpenTask(view, "TRAIN") && acceptedInCurrentRound(view) > 0),
  /** The round's model is aggregated and being evaluated on the validation splits. */
  VALIDATION(view -> view.openTasks().stream().anyMatch(task -> task.kind().equals("EVALUATE") && task.round() > 0)),
  BASELINES(view -> hasOpenTask(view, "BASELINE")),
  /** Every compared model is being evaluated on the test splits. */
  FINAL_TEST(view -> view.openTasks().stream().anyMatch(task -> task.kind().equals("EVALUATE") && task.round() == 0));

  private final Predicate<ExperimentView> test;

  ExperimentPhase(Predicate<ExperimentView> test) {
    this.test = test;
  }

  boolean reached(ExperimentView view) {
    return test.test(view);
  }

  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static boolean hasOpenTask(ExperimentView view, String kind) {
    return view.openTasks().stream().anyMatch(task -> task.kind().equals(kind));
  }

  private static long acceptedInCurrentRound(ExperimentView view) {
    return view.roundDetails().stream()
        .filter(round -> round.round() == view.currentRound())
        .flatMap(round -> round.participants().stream())
        .filter(participant -> participant.status().equals("completed"))
        .count();
  }

  /** For messages: which round a view is in. */
  static String where(ExperimentView view) {
    RoundView last = view.roundDetails().isEmpty() ? null : view.roundDetails().get(view.roundDetails().size() - 1);
    return "round " + view.currentRound() + (last == null ? "" : " (" + last.status() + ")");
  }
}
