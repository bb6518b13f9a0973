package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class ParameterAssemblerTest {

  private final EncodedParameters sent = EncodedParameters.encode(new float[] {1, 2, 3, 4, 5, 6, 7});

  @Test
  void reassemblesChunksAndVerifiesTheHash() {
    ParameterAssembler assembler = ParameterAssembler.expecting(sent.toModelRef());
    sent.chunks(5).forEach(assembler::append);

    EncodedParameters received = assembler.finish(sent.sha256());

    assertThat(received.sha256()).isEqualTo(sent.sha256());
    assertThat(received.decode()).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void rejectsDataWhoseHashDiffersFromTheExpectedOne() {
    ParameterAssembler assembler = ParameterAssembler.expecting(sent.toModelRef());
    byte[] tampered = sent.toByteArray();
    tampered[3] ^= 1;
    assembler.append(ByteString.copyFrom(tampered));
    String actual = EncodedParameters.of(ParameterEncoding.F32_LE_V1, tampered).sha256();

    assertThatThrownBy(() -> assembler.finish(sent.sha256()))
        .hasMessage("parameter hash mismatch: expected " + sent.sha256() + ", received data hashes to " + actual);
  }

  @Test
  void rejectsMoreDataThanAnnouncedAsSoonAsItArrives() {
    ParameterAssembler assembler = new ParameterAssembler(ParameterEncoding.F32_LE_V1, 2, 8);
    assembler.append(ByteString.copyFrom(new byte[6]));

    assertThatThrownBy(() -> assembler.append(ByteString.copyFrom(new byte[3])))
        .hasMessage("received 9 bytes, more than the announced 8");
  }

  @Test
  void rejectsAnIncompleteTransfer() {
    ParameterAssembler assembler = ParameterAssembler.expecting(sent.toModelRef());
    assembler.append(sent.chunks(12).get(0));

    assertThatThrownBy(() -> assembler.finish(sent.sha256()))
        .hasMessage("transfer incomplete: received 12 of the announced 28 bytes");
  }

  @Test
  void rejectsAnnouncementsWhoseSizeAndCountDisagree() {
    assertThatThrownBy(() -> new ParameterAssembler(ParameterEncoding.F32_LE_V1, 3, 8))
        .hasMessage("3 parameters in F32_LE_V1 take 12 bytes, but 8 bytes were announced");
    assertThatThrownBy(() -> new ParameterAssembler(ParameterEncoding.F32_LE_V1, 0, 0))
        .hasMessageStartingWith("parameter count must be between 1 and ");
  }

  @Test
  void rejectsAnExpectedHashThatIsNotADigest() {
    ParameterAssembler assembler = ParameterAssembler.expecting(sent.toModelRef());
    sent.chunks(64).forEach(assembler::append);

    assertThatThrownBy(() -> assembler.finish("abc"))
        .hasMessage("expected parameter hash must be a SHA-256 digest (64 lower-case hex characters), found 'abc'");
  }
}
