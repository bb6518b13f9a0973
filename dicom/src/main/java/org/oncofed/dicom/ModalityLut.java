package org.oncofed.dicom;

import java.util.List;
import java.util.Optional;

/**
 * The modality LUT of an image, per frame. Classic images declare it at the top level; enhanced
 * multi-frame images in the Pixel Value Transformation functional group, shared or per frame.
 *
 * @param perFrame one entry shared by all frames, or one per frame
 */
public record ModalityLut(Source source, List<Rescale> perFrame) {

  /** Where the rescale values came from; the labels match the sample manifest's. */
  public enum Source {
    TOP_LEVEL("top-level"),
    SHARED_FUNCTIONAL_GROUP("shared-functional-group"),
    PER_FRAME_FUNCTIONAL_GROUP("per-frame-functional-group"),
    NONE("none");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final ModalityLut NONE = new ModalityLut(Source.NONE, List.of(Rescale.IDENTITY));

  public ModalityLut {
    perFrame = List.copyOf(perFrame);
    if (perFrame.isEmpty()) {
      throw new IllegalArgumentException("a modality LUT needs at least one rescale");
    }
  }

  public Rescale forFrame(int frame) {
    return perFrame.size() == 1 ? perFrame.get(0) : perFrame.get(frame);
  }

  /** The rescale the file declares (first frame's for per-frame LUTs); empty when it has none. */
  public Optional<Rescale> declared() {
    return source == Source.NONE ? Optional.empty() : Optional.of(perFrame.get(0));
  }
}
