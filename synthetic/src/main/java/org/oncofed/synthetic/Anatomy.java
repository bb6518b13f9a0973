package org.oncofed.synthetic;

import java.util.SplittableRandom;

/**
 * One synthetic patient's chest and upper abdomen in Hounsfield units: body outline with a fat
 * layer, lungs, heart, aorta, spine, ribs, liver and spleen. Sizes and positions vary by patient;
 * organs grow and shrink along the body axis ({@code z} from 0 at the lung apex to 300 mm in the
 * upper abdomen). Optional contrast enhancement brightens blood and liver, as in a contrast CT.
 */
final class Anatomy {

  static final double LENGTH_MM = 300;

  private final Ellipse body;
  private final Ellipse muscle;
  private final Ellipse cavity;
  private final double centerY;
  private final boolean contrast;
  private final double[] ribAngles;
  private final SmoothNoise lungTexture;
  private final SmoothNoise fatTexture;
  private final double heartShift;

  Anatomy(SplittableRandom random) {
    double a = 140 + random.nextDouble() * 35;
    double b = 95 + random.nextDouble() * 30;
    double fat = 8 + random.nextDouble() * 18;
    centerY = -10 + random.nextDouble() * 20;
    body = new Ellipse(0, centerY, a, b);
    muscle = new Ellipse(0, centerY, a - fat, b - fat);
    cavity = new Ellipse(0, centerY, a - fat - 12, b - fat - 12);
    contrast = random.nextDouble() < 0.5;
    heartShift = -0.05 + random.nextDouble() * 0.15;
    ribAngles = new double[10];
    for (int i = 0; i < ribAngles.length; i++) {
      double side = i % 2 == 0 ? 0 : Math.PI;
      ribAngles[i] = side + (i % 2 == 0 ? 1 : -1) * Math.toRadians(-70 + 28 * (i / 2) + random.nextDouble() * 8);
    }
    lungTexture = new SmoothNoise(random.nextLong(), 4);
    fatTexture = new SmoothNoise(random.nextLong(), 6);
  }

  boolean contrastEnhanced() {
    return contrast;
  }

  Ellipse leftLung(double z) {
    return lung(z, -1);
  }

  Ellipse rightLung(double z) {
    return lung(z, 1);
  }

  /** The liver outline at {@code z}, or null above the diaphragm. */
  Ellipse liver(double z) {
    double s = (z / LENGTH_MM - 0.5) / 0.5;
    if (s <= 0.05) {
      return null;
    }
    return new Ellipse(-0.32 * cavity.a(), centerY + 0.08 * cavity.b(), 0.55 * cavity.a() * Math.min(1, s + 0.2),
        0.62 * cavity.b() * Math.min(1, s + 0.2));
  }

  /** The axial section at {@code z}, with its organ outlines worked out once. */
  Section section(double z) {
    return new Section(z);
  }

  /** One axial slice of the anatomy; {@link #hu} gives the tissue value at a point. */
  final class Section {
    private final double z;
    private final Ellipse liver;
    private final Ellipse spleen;
    private final Ellipse left;
    private final Ellipse right;
    private final Ellipse heart;
    private final Ellipse aorta;
    private final Ellipse vertebra;
    private final Ellipse canal;
    private final Ellipse[] ribs;

    private Section(double z) {
      this.z = z;
      double zn = z / LENGTH_MM;
      liver = liver(z);
      spleen = zn > 0.7
          ? new Ellipse(0.55 * cavity.a(), centerY + 0.3 * cavity.b(), 0.2 * cavity.a(), 0.3 * cavity.b())
              .scaled(Math.min(1, (zn - 0.7) / 0.15 + 0.3))
          : null;
      left = leftLung(z);
      right = rightLung(z);
      double heartScale = Math.exp(-Math.pow((zn - 0.5) / 0.22, 2));
      heart = heartScale > 0.15
          ? new Ellipse((0.1 + heartShift) * cavity.a(), centerY + 0.05 * cavity.b(),
              0.3 * cavity.a() * heartScale, 0.42 * cavity.b() * heartScale)
          : null;
      aorta = new Ellipse(0.1 * cavity.a(), centerY + 0.5 * cavity.b(), 12, 12);
      double spineY = centerY + 0.72 * muscle.b();
      vertebra = new Ellipse(0, spineY, 17, 15);
      canal = new Ellipse(0, spineY + 24, 7, 7);
      ribs = new Ellipse[zn < 0.85 ? ribAngles.length : 0];
      for (int i = 0; i < ribs.length; i++) {
        ribs[i] = new Ellipse((muscle.a() - 7) * Math.cos(ribAngles[i]),
            centerY + (muscle.b() - 7) * Math.sin(ribAngles[i]), 5, 3.5);
      }
    }

    boolean inLung(double x, double y) {
      return left.contains(x, y) || right.contains(x, y);
    }

    double hu(double x, double y) {
      if (!body.contains(x, y)) {
        return -1000;
      }
      if (!muscle.contains(x, y)) {
        return -100 + 12 * fatTexture.at(x, y + z);
      }
      double value = 50;
      if (cavity.contains(x, y)) {
        value = 35;
        if (liver != null && liver.contains(x, y)) {
          value = contrast ? 105 : 60;
        }
        if (spleen != null && spleen.contains(x, y)) {
          value = contrast ? 115 : 50;
        }
        if (inLung(x, y)) {
          value = -860 + 30 * lungTexture.at(x, y + 0.5 * z);
        }
        if (heart != null && heart.contains(x, y)) {
          value = contrast ? 140 : 40;
        }
        if (aorta.contains(x, y)) {
          value = contrast ? 170 : 45;
        }
      }
      double r = vertebra.radius(x, y);
      if (r < 1) {
        return r > 0.86 ? 750 : 230;
      }
      if (canal.contains(x, y)) {
        return 20;
      }
      for (Ellipse rib : ribs) {
        double rr = rib.radius(x, y);
        if (rr < 1) {
          return rr > 0.7 ? 750 : 300;
        }
      }
      return value;
    }
  }

  private Ellipse lung(double z, int side) {
    double zn = z / LENGTH_MM;
    double scale = zn < 0.15 ? 0.7 + 2 * zn : zn < 0.55 ? 1 : Math.max(0.2, 1 - (zn - 0.55) * 1.75);
    return new Ellipse(side * 0.47 * cavity.a(), centerY - 0.08 * cavity.b(),
        0.37 * cavity.a() * scale, 0.72 * cavity.b() * Math.sqrt(scale));
  }
}
