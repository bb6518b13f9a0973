package org.oncofed.dicom;

import java.util.List;

/**
 * Window centres and widths a file suggests (Window Center/Width, or the Frame VOI LUT functional
 * group); several pairs are alternative views. Empty when the file suggests none.
 */
public record VoiWindow(List<Double> centers, List<Double> widths) {

  public static final VoiWindow NONE = new VoiWindow(List.of(), List.of());

  public VoiWindow {
    centers = List.copyOf(centers);
    widths = List.copyOf(widths);
  }

  public boolean isPresent() {
    return !centers.isEmpty() && !widths.isEmpty();
  }
}
