package io.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.ChainHead;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.HashChain;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.export.AuditExporter;
import io.strongroom.audit.export.DeliveryFilter;
import io.strongroom.audit.export.ExportSink;
import io.strongroom.audit.export.RetentionPeriod;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.audit.testing.InMemoryExportCursorRepository;
import io.strongroom.server.config.AuditSettings;
import io.strongroom.server.config.AuditSettings.SyslogExport;
import io.strongroom.server.config.AuditSettings.WebhookExport;
import io.strongroom.server.config.ConfigurationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportsTest {
    @TempDir
    Path tmp;

    private final InMemoryAuditRepository records = new InMemoryAuditRepository();
    private final InMemoryExportCursorRepository cursors = new InMemoryExportCursorRepository();

    private AuditSettings settings(Optional<Path> file, Optional<SyslogExport> syslog, Optional<WebhookExport> webhook,
                                  Optional<RetentionPeriod> retention) {
        return new AuditSettings(Duration.ofMinutes(1), retention, false, file, syslog, webhook);
    }

    @Test
    void theSettingsDecideTheSinksAndTheirNames() throws Exception {
        AuditSettings all = settings(Optional.of(tmp), Optional.of(new SyslogExport("127.0.0.1", 6514, false,
                Optional.empty(), Optional.empty())), Optional.of(new WebhookExport(URI.create("https://hooks.example.com/a"),
                Optional.of("TOKEN"), Optional.of("SECRET"))), Optional.empty());
        List<ExportSink> sinks = AuditExports.sinks(all, Map.of("TOKEN", "t0ken", "SECRET", "s3cret"));
        assertThat(sinks).extracting(ExportSink::name).containsExactly("file", "syslog", "webhook");
        assertThat(sinks.toString()).doesNotContain("t0ken").doesNotContain("s3cret");
        for (ExportSink sink : sinks) {
            sink.close();
        }
        assertThat(AuditExports.exporter(AuditSettings.DEFAULTS, Map.of(), records, cursors, DeliveryFilter.EVERYTHING,
                Clock.systemUTC())).isEmpty();
    }

    @Test
    void aTrustStoreThatCannotBeReadStopsTheStartNamingTheSetting() {
        AuditSettings tls = settings(Optional.empty(), Optional.of(new SyslogExport("siem", 6514, true,
                Optional.of(tmp.resolve("missing.pem")), Optional.empty())), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> AuditExports.sinks(tls, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting audit.export.syslog.trust-store: the trust store " + tmp.resolve("missing.pem")
                        + " does not exist");
    }

    @Test
    void theExporterWritesTheFileExportAndRetentionWaitsForIt() throws Exception {
        Path directory = tmp.resolve("audit");
        AuditSettings file = settings(Optional.of(directory), Optional.empty(), Optional.empty(),
                Optional.of(RetentionPeriod.parse("P1D")));
        append(3);
        AuditExporter exporter = AuditExports.exporter(file, Map.of(), records, cursors, DeliveryFilter.EVERYTHING,
                Clock.systemUTC()).orElseThrow().start();
        exporter.close();
        assertThat(cursors.deliveredThrough("file")).isEqualTo(3);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl.gz")))
                    .containsExactly("strongroom-audit-20250304T05-0000000000000001.jsonl.gz");
        }
        assertThat(AuditExports.retention(file, records, cursors, exporter.exportNames(), Clock.systemUTC()))
                .isPresent();
        assertThat(AuditExports.retention(AuditSettings.DEFAULTS, records, cursors, Set.of(), Clock.systemUTC()))
                .isEmpty();
    }

    private void append(int count) {
        InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(records);
        transactor.run(() -> {
            ChainHead head = records.lockChainHead();
            for (int i = 0; i < count; i++) {
                String json = "{\"eventName\":\"GetObject\",\"n\":" + i + "}";
                ChainedRecord link = HashChain.next(head, json);
                records.append(List.of(new StoredAuditRecord(link.sequence(), Instant.parse("2025-03-04T05:06:07Z"),
                        "id-" + i, "s3.amazonaws.com", "GetObject", "us-east-1", "111122223333", null, null, true,
                        EventCategory.DATA, List.of(), json, link.previousHash(), link.hash())));
                head = link.head();
            }
        });
    }
}
