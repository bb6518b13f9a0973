package org.oncofed.node.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.oncofed.node.link.LinkStatus;

/**
 * What {@code node status} shows.
 *
 * @param activity idle, fetching, training, evaluating or uploading
 * @param detail human-readable progress of the current task, e.g. "epoch 2/5, loss 0.61"
 * @param privacy the privacy account of the site's training data
 */
@Serdeable
public record NodeStatus(
    LinkStatus link,
    String activity,
    @Nullable String taskId,
    @Nullable String detail,
    String backend,
    String device,
    Privacy privacy) {

  /**
   * @param epsilon spent at {@code delta}, four decimals, or {@code infinite} after a release without noise
   * @param maxEpsilon the site's limit, 0 for none
   */
  @Serdeable
  public record Privacy(String epsilon, double delta, double maxEpsilon) {}
}
