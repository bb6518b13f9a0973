package org.oncofed.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oncofed.common.TumourClass;

/**
 * The lesion classes look the way the brief says: benign round and homogeneous, malignant
 * irregular and heterogeneous. Measured on the rendered values, averaged over many lesions.
 */
class LesionTest {

  private static final int LESIONS = 40;

  @Test
  void malignantOutlinesAreMoreIrregularThanBenignOnes() {
    assertThat(mean(TumourClass.MALIGNANT, LesionTest::outlineVariation))
        .isGreaterThan(2 * mean(TumourClass.BENIGN, LesionTest::outlineVariation));
  }

  @Test
  void malignantInteriorsAreMoreHeterogeneousThanBenignOnes() {
    assertThat(mean(TumourClass.MALIGNANT, LesionTest::interiorSpread))
        .isGreaterThan(3 * mean(TumourClass.BENIGN, LesionTest::interiorSpread));
  }

  private static double mean(TumourClass kind, java.util.function.ToDoubleFunction<Lesion> measure) {
    SplittableRandom random = new SplittableRandom(17);
    double sum = 0;
    for (int i = 0; i < LESIONS; i++) {
      Anatomy anatomy = new Anatomy(random);
      sum += measure.applyAsDouble(Lesion.place(kind, anatomy, random));
    }
    return sum / LESIONS;
  }

  /** Coefficient of variation of the outline radius over 72 directions (0 for a circle). */
  private static double outlineVariation(Lesion lesion) {
    double[] radii = new double[72];
    for (int a = 0; a < radii.length; a++) {
      double angle = 2 * Math.PI * a / radii.length;
      double r = 0;
      while (r < 4 * lesion.radius() && opacity(lesion, lesion.x() + r * Math.cos(angle), lesion.y() + r * Math.sin(angle)) > 0.5) {
        r += 0.1;
      }
      radii[a] = r;
    }
    return stdDev(radii) / meanOf(radii);
  }

  /** Spread (standard deviation, HU) of the values inside the central half of the lesion. */
  private static double interiorSpread(Lesion lesion) {
    java.util.List<Double> values = new java.util.ArrayList<>();
    double half = lesion.radius() / 2;
    for (double dx = -half; dx <= half; dx += 0.5) {
      for (double dy = -half; dy <= half; dy += 0.5) {
        if (dx * dx + dy * dy <= half * half) {
          values.add(lesion.over(0, lesion.x() + dx, lesion.y() + dy, lesion.z()));
        }
      }
    }
    return stdDev(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** How much of the value at a point is lesion rather than background (0..1). */
  private static double opacity(Lesion lesion, double x, double y) {
    double onDark = lesion.over(-1000, x, y, lesion.z());
    double onBright = lesion.over(1000, x, y, lesion.z());
    return 1 - (onBright - onDark) / 2000;
  }

  private static double meanOf(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double stdDev(double[] v) {
    double m = meanOf(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / v.length);
  }
}
