package org.oncofed.dicom;

/**
 * The integer inverse DCT of the Independent JPEG Group's library ("islow", jidctint.c), with its
 * 12-bit constants and output range limiting. DCMTK and GDCM decode 12-bit JPEG with this exact
 * arithmetic, so using it makes OncoFed's output identical to theirs rather than merely close.
 */
final class JpegIdct {

  private static final int CONST_BITS = 13;
  private static final long FIX_0_298631336 = 2446;
  private static final long FIX_0_390180644 = 3196;
  private static final long FIX_0_541196100 = 4433;
  private static final long FIX_0_765366865 = 6270;
  private static final long FIX_0_899976223 = 7373;
  private static final long FIX_1_175875602 = 9633;
  private static final long FIX_1_501321110 = 12299;
  private static final long FIX_1_847759065 = 15137;
  private static final long FIX_1_961570560 = 16069;
  private static final long FIX_2_053119869 = 16819;
  private static final long FIX_2_562915447 = 20995;
  private static final long FIX_3_072711026 = 25172;

  private JpegIdct() {}

  /**
   * @param coefficients quantised coefficients in natural (row-major) order
   * @param quantisation the quantisation table in natural order
   * @param out receives 64 level-shifted samples clamped to the precision's range
   */
  static void islow(int[] coefficients, int[] quantisation, int precision, int[] out) {
    // libjpeg keeps one bit less of intermediate precision for 12-bit data to avoid overflow.
    int pass1Bits = precision == 8 ? 2 : 1;
    long[] work = new long[64];
    long[] column = new long[8];
    for (int col = 0; col < 8; col++) {
      for (int row = 0; row < 8; row++) {
        column[row] = (long) coefficients[row * 8 + col] * quantisation[row * 8 + col];
      }
      long[] result = pass(column, CONST_BITS - pass1Bits);
      for (int row = 0; row < 8; row++) {
        work[row * 8 + col] = result[row];
      }
    }
    int max = (1 << precision) - 1;
    int center = 1 << (precision - 1);
    int rangeMask = 4 * (max + 1) - 1;
    long[] row = new long[8];
    for (int r = 0; r < 8; r++) {
      System.arraycopy(work, r * 8, row, 0, 8);
      long[] result = pass(row, CONST_BITS + pass1Bits + 3);
      for (int c = 0; c < 8; c++) {
        out[r * 8 + c] = rangeLimit((int) result[c] & rangeMask, max, center);
      }
    }
  }

  /** One 8-point pass of jidctint.c; {@code shift} is the DESCALE of that pass. */
  private static long[] pass(long[] in, int shift) {
    long z2 = in[2];
    long z3 = in[6];
    long z1 = (z2 + z3) * FIX_0_541196100;
    long tmp2 = z1 + z3 * -FIX_1_847759065;
    long tmp3 = z1 + z2 * FIX_0_765366865;
    long tmp0 = (in[0] + in[4]) << CONST_BITS;
    long tmp1 = (in[0] - in[4]) << CONST_BITS;
    long tmp10 = tmp0 + tmp3;
    long tmp13 = tmp0 - tmp3;
    long tmp11 = tmp1 + tmp2;
    long tmp12 = tmp1 - tmp2;

    tmp0 = in[7];
    tmp1 = in[5];
    tmp2 = in[3];
    tmp3 = in[1];
    z1 = tmp0 + tmp3;
    z2 = tmp1 + tmp2;
    z3 = tmp0 + tmp2;
    long z4 = tmp1 + tmp3;
    long z5 = (z3 + z4) * FIX_1_175875602;
    tmp0 *= FIX_0_298631336;
    tmp1 *= FIX_2_053119869;
    tmp2 *= FIX_3_072711026;
    tmp3 *= FIX_1_501321110;
    z1 *= -FIX_0_899976223;
    z2 *= -FIX_2_562915447;
    z3 *= -FIX_1_961570560;
    z4 *= -FIX_0_390180644;
    z3 += z5;
    z4 += z5;
    tmp0 += z1 + z3;
    tmp1 += z2 + z4;
    tmp2 += z2 + z3;
    tmp3 += z1 + z4;

    long[] out = new long[8];
    out[0] = descale(tmp10 + tmp3, shift);
    out[7] = descale(tmp10 - tmp3, shift);
    out[1] = descale(tmp11 + tmp2, shift);
    out[6] = descale(tmp11 - tmp2, shift);
    out[2] = descale(tmp12 + tmp1, shift);
    out[5] = descale(tmp12 - tmp1, shift);
    out[3] = descale(tmp13 + tmp0, shift);
    out[4] = descale(tmp13 - tmp0, shift);
    return out;
  }

  private static long descale(long x, int n) {
    return (x + (1L << (n - 1))) >> n;
  }

  /**
   * libjpeg's post-IDCT range-limit table, indexed by the masked value: adds the level shift and
   * clamps, wrapping far-out values the way the table does.
   */
  private static int rangeLimit(int index, int max, int center) {
    int span = max + 1;
    if (index < center) {
      return index + center;
    }
    if (index < 2 * span) {
      return max;
    }
    if (index < 4 * span - center) {
      return 0;
    }
    return index - (4 * span - center);
  }
}
