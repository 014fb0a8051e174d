/**
 * Export and retention of the audit trail.
 *
 * <p>{@link io.strongroom.audit.export.AuditExporter} delivers every record at least once to each
 * enabled {@link io.strongroom.audit.export.ExportSink}, moving the sink's persisted
 * {@link io.strongroom.audit.export.ExportCursor} only after the sink confirmed:
 * {@link io.strongroom.audit.export.JsonLinesFileSink} (hourly gzip JSON Lines files),
 * {@link io.strongroom.audit.export.SyslogSink} (RFC 5424 over TCP or TLS, octet-counted) and
 * {@link io.strongroom.audit.export.WebhookSink} (JSON Lines POSTs, optionally signed). Every
 * format carries {@link io.strongroom.audit.ExportLine}'s chain fields, so a receiver can verify
 * what it got. {@link io.strongroom.audit.export.AuditRetention} deletes old records only once
 * every enabled export delivered them and a digest signed them, and only where a digest ends.
 */
package io.strongroom.audit.export;
