package org.oncofed.node.explain;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.oncofed.common.TumourClass;
import org.oncofed.node.dataset.SliceRef;

/**
 * Explains chosen slices of a split and writes the overlays and their page into one folder. The
 * choice is deterministic: the first slices of each true class in the split's order, so a site
 * sees the same slices explained for every model.
 */
final class ExplanationWriter {

  static final String PAGE = "index.html";

  private final int perClass;

  ExplanationWriter(int perClass) {
    if (perClass <= 0) {
      throw new IllegalArgumentException("slices to explain per class must be positive, found " + perClass);
    }
    this.perClass = perClass;
  }

  /** Positions in {@code slices} of the first {@code perClass} slices of each class, in split order. */
  List<Integer> choose(List<SliceRef> slices) {
    Map<TumourClass, Integer> taken = new EnumMap<>(TumourClass.class);
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      int count = taken.merge(slices.get(i).label(), 1, Integer::sum);
      if (count <= perClass) {
        chosen.add(i);
      }
    }
    return chosen;
  }

  /**
   * @param slices the split's slices, in the order {@code data} yields them
   * @param data unaugmented minibatches of that split, from the start, one channel or the grey
   *     channel replicated
   * @param classes the model's class labels in output order, the dataset's class order
   * @return the page written
   */
  Path write(Path directory, ExplanationPage.Header header, List<String> classes, GradCam cam,
      List<SliceRef> slices, DataSetIterator data) throws IOException {
    Objects.requireNonNull(header, "header");
    Files.createDirectories(directory);
    removeOverlays(directory);
    List<Integer> chosen = choose(slices);
    List<ExplanationPage.Entry> entries = new ArrayList<>(chosen.size());
    int[] perClassWritten = new int[classes.size()];
    int position = 0;
    int next = 0;
    while (next < chosen.size() && data.hasNext()) {
      DataSet batch = data.next();
      INDArray features = batch.getFeatures();
      int size = (int) features.size(3);
      List<Integer> rows = new ArrayList<>();
      while (next < chosen.size() && chosen.get(next) < position + features.size(0)) {
        rows.add(chosen.get(next++) - position);
      }
      if (!rows.isEmpty()) {
        INDArray picked = Nd4j.concat(0, rows.stream()
            .map(row -> features.get(NDArrayIndex.interval(row, row + 1), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()))
            .toArray(INDArray[]::new));
        List<Explanation> explained = cam.explainPredicted(picked);
        for (int k = 0; k < rows.size(); k++) {
          SliceRef slice = slices.get(position + rows.get(k));
          int truth = slice.label().ordinal();
          String image = String.format(Locale.ROOT, "%s-%02d.png", classes.get(truth), ++perClassWritten[truth]);
          float[] grey = picked.get(NDArrayIndex.point(k), NDArrayIndex.point(0)).castTo(DataType.FLOAT).dup('c')
              .reshape((long) size * size).toFloatVector();
          int side = HeatmapOverlay.side(size);
          HeatmapOverlay.writePng(HeatmapOverlay.render(grey, size, explained.get(k).heatmap(side, side), side),
              directory.resolve(image));
          entries.add(new ExplanationPage.Entry(name(slice), truth, explained.get(k), image));
        }
      }
      position += (int) features.size(0);
    }
    if (next < chosen.size()) {
      throw new IllegalStateException("the split lists " + slices.size() + " slices, its minibatches held " + position);
    }
    Path page = directory.resolve(PAGE);
    ExplanationPage.write(page, header, classes, entries);
    return page;
  }

  private static String name(SliceRef slice) {
    return slice.frame() == 0 ? slice.path() : slice.path() + " (frame " + (slice.frame() + 1) + ")";
  }

  /** Overlays of an earlier model in the same folder would otherwise outlive the page that named them. */
  private static void removeOverlays(Path directory) throws IOException {
    try (DirectoryStream<Path> overlays = Files.newDirectoryStream(directory, "*.png")) {
      for (Path overlay : overlays) {
        Files.delete(overlay);
      }
    }
  }
}
