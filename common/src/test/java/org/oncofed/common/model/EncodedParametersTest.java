package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncofed.common.hash.Sha256;

class EncodedParametersTest {

  @Test
  void encodesLittleEndianFloat32WithoutHeader() {
    EncodedParameters encoded = EncodedParameters.encode(new float[] {1.0f, -2.0f});

    // 1.0f = 0x3F800000, -2.0f = 0xC0000000, least significant byte first.
    byte[] expected = {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0};
    assertThat(encoded.toByteArray()).containsExactly(expected);
    assertThat(encoded.sha256()).isEqualTo(Sha256.hex(expected));
    assertThat(encoded.parameterCount()).isEqualTo(2);
    assertThat(encoded.toModelRef().getSizeBytes()).isEqualTo(8);
  }

  @Test
  void decodesToTheSameBitsIncludingNonFiniteValues() {
    float[] values = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY};

    float[] decoded = EncodedParameters.encode(values).decode();

    for (int i = 0; i < values.length; i++) {
      assertThat(Float.floatToRawIntBits(decoded[i])).isEqualTo(Float.floatToRawIntBits(values[i]));
    }
  }

  @Test
  void splitsIntoChunksOfTheRequestedSizeWithAShorterLastOne() {
    EncodedParameters encoded = EncodedParameters.encode(new float[5]);

    List<ByteString> chunks = encoded.chunks(8);

    assertThat(chunks).extracting(ByteString::size).containsExactly(8, 8, 4);
    assertThat(ByteString.copyFrom(chunks).toByteArray()).containsExactly(encoded.toByteArray());
    assertThatThrownBy(() -> encoded.chunks(0)).hasMessage("chunk size must be positive, found 0");
  }

  @Test
  void rejectsStoredBytesThatAreNotWholeParameters() {
    assertThatThrownBy(() -> EncodedParameters.of(ParameterEncoding.F32_LE_V1, new byte[6]))
        .hasMessage("F32_LE_V1 data must be a multiple of 4 bytes, found 6");
  }

  @Test
  void refusesUnspecifiedAndUnknownEncodingsByName() {
    assertThatThrownBy(
            () -> ParameterEncoding.fromProto(
                org.oncofed.proto.federation.v1.ParameterEncoding.PARAMETER_ENCODING_UNSPECIFIED))
        .hasMessage("unsupported parameter encoding: found PARAMETER_ENCODING_UNSPECIFIED, "
            + "this release reads only PARAMETER_ENCODING_F32_LE_V1");
    assertThatThrownBy(() -> ParameterEncoding.fromWireValue(7))
        .hasMessage("unsupported parameter encoding: found number 7 (unknown to this release), "
            + "this release reads only PARAMETER_ENCODING_F32_LE_V1");
    assertThat(ParameterEncoding.fromProto(ParameterEncoding.F32_LE_V1.toProto())).isEqualTo(ParameterEncoding.F32_LE_V1);
  }
}
