package org.oncofed.synthetic;

import java.util.SplittableRandom;
import org.oncofed.common.TumourClass;

/**
 * A lesion the classifier has to learn about. Benign: round, smooth margin, homogeneous (cysts in
 * the liver, solid or calcified nodules in the lung). Malignant: lobulated outline, spicules,
 * heterogeneous texture and often a necrotic (or, in the lung, cavitated) core. Sizes overlap between the classes, so size
 * alone does not decide.
 */
final class Lesion {

  enum Site {
    LUNG,
    LIVER
  }

  private final TumourClass kind;
  private final Site site;
  private final double cx;
  private final double cy;
  private final double cz;
  private final double radius;
  private final double depth;
  private final double[] amplitudes;
  private final double[] phases;
  private final double[] spiculeAngles;
  private final double[] spiculeLengths;
  private final double coreFraction;
  private final double coreHu;
  private final double baseHu;
  private final SmoothNoise texture;

  private Lesion(TumourClass kind, Site site, double cx, double cy, double cz, double radius,
      double depth, SplittableRandom random) {
    this.kind = kind;
    this.site = site;
    this.cx = cx;
    this.cy = cy;
    this.cz = cz;
    this.radius = radius;
    this.depth = depth;
    boolean malignant = kind == TumourClass.MALIGNANT;
    amplitudes = new double[8];
    phases = new double[8];
    for (int k = 2; k < amplitudes.length; k++) {
      amplitudes[k] = malignant ? (0.04 + random.nextDouble() * 0.1) / Math.sqrt(k - 1)
          : k == 2 ? random.nextDouble() * 0.08 : 0;
      phases[k] = random.nextDouble() * 2 * Math.PI;
    }
    int spicules = malignant && random.nextDouble() < 0.75 ? 4 + random.nextInt(9) : 0;
    spiculeAngles = new double[spicules];
    spiculeLengths = new double[spicules];
    for (int i = 0; i < spicules; i++) {
      spiculeAngles[i] = random.nextDouble() * 2 * Math.PI;
      spiculeLengths[i] = radius * (0.4 + random.nextDouble() * 0.8);
    }
    coreFraction = malignant && random.nextDouble() < 0.9 ? 0.4 + random.nextDouble() * 0.25 : 0;
    // Necrosis is fluid-dense; a lung carcinoma may instead cavitate and hold air.
    coreHu = site == Site.LIVER ? 15 : random.nextDouble() < 0.45 ? -850 : 5;
    // A fifth of benign lung nodules are calcified granulomas: uniformly dense.
    boolean calcified = !malignant && site == Site.LUNG && random.nextDouble() < 0.2;
    baseHu = switch (site) {
      case LUNG -> malignant ? 30 + random.nextDouble() * 20
          : calcified ? 250 + random.nextDouble() * 200 : 20 + random.nextDouble() * 25;
      case LIVER -> malignant ? 75 + random.nextDouble() * 30 : 5 + random.nextDouble() * 12;
    };
    texture = new SmoothNoise(random.nextLong(), malignant ? 2.5 : 6);
  }

  /** A lesion of the given class placed inside the lung or liver of {@code anatomy}. */
  static Lesion place(TumourClass kind, Anatomy anatomy, SplittableRandom random) {
    boolean malignant = kind == TumourClass.MALIGNANT;
    double radius = malignant ? 12 + random.nextDouble() * 13 : 5 + random.nextDouble() * 7;
    boolean liver = random.nextDouble() < 0.1;
    double z = liver
        ? Anatomy.LENGTH_MM * (0.75 + random.nextDouble() * 0.2)
        : Anatomy.LENGTH_MM * (0.2 + random.nextDouble() * 0.35);
    Ellipse organ = liver ? anatomy.liver(z)
        : random.nextBoolean() ? anatomy.leftLung(z) : anatomy.rightLung(z);
    double angle = random.nextDouble() * 2 * Math.PI;
    double r = Math.sqrt(random.nextDouble()) * 0.55;
    double x = organ.cx() + r * organ.a() * Math.cos(angle);
    double y = organ.cy() + r * organ.b() * Math.sin(angle);
    return new Lesion(kind, liver ? Site.LIVER : Site.LUNG, x, y, z, radius, Math.max(radius, 12), random);
  }

  TumourClass kind() {
    return kind;
  }

  double x() {
    return cx;
  }

  double y() {
    return cy;
  }

  double z() {
    return cz;
  }

  double radius() {
    return radius;
  }

  /** Half the extent along the body axis over which the lesion stays clearly visible. */
  double visibleHalfDepth() {
    return 0.6 * depth;
  }

  /** Blends the lesion into a background value: returns the value seen at (x, y, z). */
  double over(double background, double x, double y, double z) {
    double dz = (z - cz) / depth;
    if (Math.abs(dz) >= 1) {
      return background;
    }
    double rz = radius * Math.sqrt(1 - dz * dz);
    double dx = x - cx;
    double dy = y - cy;
    double d = Math.sqrt(dx * dx + dy * dy);
    if (d > rz * 2.5 + 15) {
      return background;
    }
    double theta = Math.atan2(dy, dx) + 0.3 * dz;
    double boundary = rz;
    for (int k = 2; k < amplitudes.length; k++) {
      boundary += rz * amplitudes[k] * Math.cos(k * theta + phases[k]);
    }
    double softness = kind == TumourClass.MALIGNANT ? 0.5 : 0.9;
    double alpha = clamp((boundary - d) / softness + 0.5);
    double value = interior(d / Math.max(rz, 0.1), x, y);
    for (int i = 0; i < spiculeAngles.length; i++) {
      double along = dx * Math.cos(spiculeAngles[i]) + dy * Math.sin(spiculeAngles[i]);
      double across = Math.abs(-dx * Math.sin(spiculeAngles[i]) + dy * Math.cos(spiculeAngles[i]));
      double beyond = along - boundary * 0.9;
      if (beyond > 0 && beyond < spiculeLengths[i]) {
        double width = 1.2 * (1 - beyond / spiculeLengths[i]) + 0.3;
        double spicule = 0.85 * clamp((width - across) / 0.4 + 0.5);
        if (spicule > alpha) {
          alpha = spicule;
          value = baseHu - 10;
        }
      }
    }
    return background * (1 - alpha) + value * alpha;
  }

  private double interior(double relative, double x, double y) {
    double t = texture.at(x, y);
    if (kind == TumourClass.MALIGNANT) {
      double value = baseHu + 22 * t;
      if (coreFraction > 0) {
        double core = clamp((coreFraction - relative) / 0.12 + 0.5);
        value = value * (1 - core) + coreHu * core + 6 * t * core;
      }
      return value;
    }
    return baseHu + 3 * t;
  }

  private static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
