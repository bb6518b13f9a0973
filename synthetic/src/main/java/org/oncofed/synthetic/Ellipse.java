package org.oncofed.synthetic;

/** An axis-aligned ellipse in millimetres, the building block of the phantom's organs. */
record Ellipse(double cx, double cy, double a, double b) {

  /** Normalised radius: below 1 inside, 1 on the outline. */
  double radius(double x, double y) {
    double dx = (x - cx) / a;
    double dy = (y - cy) / b;
    return Math.sqrt(dx * dx + dy * dy);
  }

  boolean contains(double x, double y) {
    return radius(x, y) < 1;
  }

  Ellipse scaled(double factor) {
    return new Ellipse(cx, cy, a * factor, b * factor);
  }
}
