package org.oncofed.dicom;

import java.util.List;

/**
 * One parsed attribute: where its value lies in the buffer (never copied), or its items when it is
 * a sequence, or its fragments when it is encapsulated pixel data.
 *
 * @param offset start of the value in the data set's buffer
 * @param length value length in bytes (0 for sequences and encapsulated data)
 * @param items the items of a sequence, else null
 * @param fragments the fragments of encapsulated pixel data, else null
 */
record Element(int tag, Vr vr, int offset, int length, List<DataSet> items, Fragments fragments) {

  /** Encapsulated pixel data: the Basic Offset Table and the fragments, as buffer regions. */
  record Fragments(Region offsetTable, List<Region> fragments) {}

  /** A run of bytes in the buffer. */
  record Region(int offset, int length) {}

  boolean isSequence() {
    return items != null;
  }

  boolean isEncapsulated() {
    return fragments != null;
  }
}
