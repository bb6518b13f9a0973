package org.oncofed.coordinator.task;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.oncofed.common.SiteId;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ParameterAssembler;
import org.oncofed.proto.federation.v1.UpdateHeader;

/**
 * An upload whose header {@link UpdateIntake} accepted: its data is assembled and hashed as it
 * arrives, then the complete update goes through the rest of the intake. Any transfer failure
 * rejects the task ({@link UpdateCheck#TRANSFER}). Not thread-safe: one upload, one stream.
 */
public final class IncomingUpdate {

  private final UpdateIntake intake;
  private final SiteId site;
  private final TaskBook.OpenTask task;
  private final UpdateHeader header;
  private final ParameterAssembler assembler;

  IncomingUpdate(UpdateIntake intake, SiteId site, TaskBook.OpenTask task, UpdateHeader header,
      ParameterAssembler assembler) {
    this.intake = intake;
    this.site = site;
    this.task = task;
    this.header = header;
    this.assembler = assembler;
  }

  public String taskId() {
    return task.task().taskId();
  }

  /** @throws UpdateRejectedException when the data exceeds the announced size */
  public void append(ByteString chunk) {
    try {
      assembler.append(chunk);
    } catch (IllegalArgumentException e) {
      throw abandon(e.getMessage());
    }
  }

  /**
   * Ends the transfer with the hash its trailer announces and runs the rest of the intake.
   *
   * @return the update's SHA-256, once it is stored and handed to its round
   * @throws UpdateRejectedException naming the check that failed
   * @throws TaskRefusedException when the task finished meanwhile
   */
  public String finish(String trailerSha256) {
    EncodedParameters encoded;
    try {
      encoded = assembler.finish(trailerSha256);
    } catch (IllegalArgumentException e) {
      throw abandon(e.getMessage());
    }
    return intake.accept(task, new ReceivedUpdate(site, taskId(), encoded.decode(), encoded, header.getSampleCount(),
        header.getMetricsMap(), header.getProvenanceJson(), header.getProvenanceSha256(),
        header.hasPrivacySpent() ? Optional.of(header.getPrivacySpent()) : Optional.empty()));
  }

  /** Rejects the task because the transfer broke the protocol or failed; returns what to throw. */
  public UpdateRejectedException abandon(String reason) {
    intake.rejectTransfer(task, reason);
    return new UpdateRejectedException(site.value(), UpdateCheck.TRANSFER, reason);
  }
}
