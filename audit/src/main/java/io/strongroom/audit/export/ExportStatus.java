package io.strongroom.audit.export;

/**
 * What one export is doing, for health and metrics.
 *
 * @param exportName          the export
 * @param deliveredThrough    the last sequence it delivered (0 before the first)
 * @param consecutiveFailures failed attempts since the last success
 * @param lastError           the last failure's message (never holding a secret); null after a success
 */
public record ExportStatus(String exportName, long deliveredThrough, int consecutiveFailures, String lastError) {
}
