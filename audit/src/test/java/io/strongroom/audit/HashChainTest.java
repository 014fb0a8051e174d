package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void theGenesisHashIs32ZeroBytes() {
        assertThat(ChainHash.GENESIS.bytes()).isEqualTo(new byte[32]);
        assertThat(ChainHash.GENESIS.hex()).isEqualTo("0".repeat(64));
        assertThat(ChainHead.GENESIS).isEqualTo(new ChainHead(0, ChainHash.GENESIS));
    }

    @Test
    void hashesThePreviousHashThenTheCanonicalObjectOfRecordAndSequence() throws Exception {
        String record = "{\"eventName\":\"CreateUser\",\"note\":\"caf\u00e9\"}";
        ByteArrayOutputStream expectedInput = new ByteArrayOutputStream();
        expectedInput.write(new byte[32]);
        expectedInput.write(("{\"record\":" + record + ",\"sequence\":1}").getBytes(StandardCharsets.UTF_8));
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(expectedInput.toByteArray());

        ChainHash first = HashChain.hash(ChainHash.GENESIS, 1, record);
        assertThat(first.bytes()).isEqualTo(expected);

        // the same text, chained as record 2 after the first: previous hash and sequence both count
        ByteArrayOutputStream secondInput = new ByteArrayOutputStream();
        secondInput.write(expected);
        secondInput.write(("{\"record\":" + record + ",\"sequence\":2}").getBytes(StandardCharsets.UTF_8));
        assertThat(HashChain.hash(first, 2, record).bytes())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(secondInput.toByteArray()));
    }

    @Test
    void aKnownVectorStaysTheSame() {
        // pins the layout: any change to it breaks every exported trail
        assertThat(HashChain.hash(ChainHash.GENESIS, 1, "{}").hex())
                .isEqualTo(HexFormat.of().formatHex(sha256(concat(new byte[32],
                        "{\"record\":{},\"sequence\":1}".getBytes(StandardCharsets.US_ASCII)))));
    }

    @Test
    void theHashedTextIsTheCanonicalJsonOfRecordAndSequence() {
        String record = AuditEventTest.fullEvent().toCanonicalJson();
        String hashed = "{\"record\":" + record + ",\"sequence\":7}";
        assertThat(CanonicalJson.write(CanonicalJson.parse(hashed))).isEqualTo(hashed);
    }

    @Test
    void nextContinuesTheHead() {
        ChainedRecord first = HashChain.next(ChainHead.GENESIS, "{\"a\":1}");
        ChainedRecord second = HashChain.next(first.head(), "{\"a\":2}");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(HashChain.hash(first.hash(), 2, "{\"a\":2}"));
        assertThat(second.hash()).isNotEqualTo(HashChain.hash(first.hash(), 3, "{\"a\":2}"));
    }

    @Test
    void sequencesStartAtOne() {
        assertThatThrownBy(() -> HashChain.hash(ChainHash.GENESIS, 0, "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainHashesCompareByValueAndParseOnlyTheirOwnForm() {
        ChainHash hash = HashChain.hash(ChainHash.GENESIS, 1, "{}");
        assertThat(ChainHash.fromHex(hash.hex())).isEqualTo(hash).hasSameHashCodeAs(hash);
        assertThat(ChainHash.of(hash.bytes())).isEqualTo(hash);
        assertThat(hash.matches(hash.bytes())).isTrue();
        assertThat(hash.matches(new byte[32])).isFalse();
        assertThatThrownBy(() -> ChainHash.fromHex(hash.hex().toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainHash.fromHex("00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainHash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        byte[] source = hash.bytes();
        source[0] ^= 1;
        assertThat(hash.bytes()).isNotEqualTo(source); // defensive copies
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
