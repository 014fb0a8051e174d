package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExportLineTest {
    private final ChainedRecord record = HashChain.next(new ChainHead(41,
            HashChain.hash(ChainHash.GENESIS, 41, "{}")), AuditEventTest.fullEvent().toCanonicalJson());

    @Test
    void formatsTheCanonicalJsonOfTheLink() {
        String line = ExportLine.format(record);
        assertThat(line).isEqualTo("{\"hash\":\"" + record.hash().hex() + "\",\"previousHash\":\""
                + record.previousHash().hex() + "\",\"record\":" + record.eventJson() + ",\"sequence\":42}");
        assertThat(CanonicalJson.write(CanonicalJson.parse(line))).isEqualTo(line);
    }

    @Test
    void theTailOfTheLineIsTheHashedText() {
        String line = ExportLine.format(record);
        String hashed = "{" + line.substring(ExportLine.HASHED_TAIL_AT);
        assertThat(hashed).isEqualTo("{\"record\":" + record.eventJson() + ",\"sequence\":42}");
    }

    @Test
    void parsesWhatItFormats() {
        assertThat(ExportLine.parse(ExportLine.format(record))).isEqualTo(record);
    }

    @Test
    void refusesLinesThatAreNotExactlyTheFormat() {
        String line = ExportLine.format(record);
        String hash = record.hash().hex();
        String[] bad = {
                "",
                "{}",
                line.replace("{\"hash\"", "{ \"hash\""),
                line.replace(hash, hash.toUpperCase()),
                line.replace(hash, hash.substring(2)),
                line.replace("\"sequence\":42}", "\"sequence\":042}"),
                line.replace("\"sequence\":42}", "\"sequence\":0}"),
                line.replace("\"sequence\":42}", "\"sequence\":-42}"),
                line.replace("\"sequence\":42}", "\"sequence\":42 }"),
                line.replace(",\"sequence\":42}", "}"),
                line.replace("\"record\":{", "\"record\":["),
                line.replace("\"record\":{", "\"record\":{ "),
                line + "\n",
        };
        for (String text : bad) {
            assertThatThrownBy(() -> ExportLine.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
