package org.oncofed.synthetic;

/**
 * Smooth random texture in millimetre space: random values on a lattice, interpolated with a
 * smoothstep. Gives lung parenchyma, fat and tumours the low-frequency heterogeneity of real tissue.
 * Deterministic for a seed; values lie in -1..1.
 */
final class SmoothNoise {

  private final long seed;
  private final double cell;

  SmoothNoise(long seed, double cellMillimetres) {
    this.seed = seed;
    this.cell = cellMillimetres;
  }

  double at(double x, double y) {
    double gx = x / cell;
    double gy = y / cell;
    long ix = (long) Math.floor(gx);
    long iy = (long) Math.floor(gy);
    double fx = smooth(gx - ix);
    double fy = smooth(gy - iy);
    double top = lerp(lattice(ix, iy), lattice(ix + 1, iy), fx);
    double bottom = lerp(lattice(ix, iy + 1), lattice(ix + 1, iy + 1), fx);
    return lerp(top, bottom, fy);
  }

  private double lattice(long ix, long iy) {
    long h = seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 * 2 - 1;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }
}
