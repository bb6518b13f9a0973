package org.oncofed.node.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.oncofed.node.link.LinkStatus;

/**
 * What {@code node status} shows.
 *
 * @param activity idle, fetching, training, evaluating or uploading
 * @param detail human-readable progress of the current task, e.g. "epoch 2/5, loss 0.61"
 */
@Serdeable
public record NodeStatus(
    LinkStatus link,
    String activity,
    @Nullable String taskId,
    @Nullable String detail,
    String backend,
    String device) {}
