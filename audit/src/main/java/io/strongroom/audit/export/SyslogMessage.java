package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.StoredAuditRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

/**
 * One audit record as an RFC 5424 syslog message, framed by octet counting (RFC 6587 section
 * 3.4.1, the framing RFC 5425 prescribes over TLS): {@code <length> SP <message>}, where
 *
 * <pre>
 *   &lt;110&gt;1 2025-03-04T05:06:07Z host strongroom 4242 CreateUser
 *   [strongroom@32473 sequence="12" hash="…" previousHash="…" eventID="…"] BOM{"awsRegion":…}
 * </pre>
 *
 * PRI 110 is facility 13 (log audit) with severity 6 (informational); the timestamp is the
 * record's event time (UTC); MSGID is the event name; the structured data carry the record's place
 * in the hash chain; MSG is the record's canonical CloudTrail JSON in UTF-8, after the byte order
 * mark RFC 5424 asks for. The SD-ID uses the enterprise number 32473 that RFC 5612 reserves for
 * documentation, until Strongroom has its own. Receivers must accept messages as long as the
 * longest record (rsyslog: {@code $MaxMessageSize}).
 */
final class SyslogMessage {
    static final int PRIORITY = 13 * 8 + 6;
    static final String SD_ID = "strongroom@32473";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String NIL = "-";

    private final String hostname;
    private final String appName;
    private final String processId;

    /**
     * @param hostname  this node's name (HOSTNAME field)
     * @param appName   the APP-NAME field, for example {@code strongroom}
     * @param processId the PROCID field
     */
    SyslogMessage(String hostname, String appName, String processId) {
        this.hostname = header(requireNonNull(hostname, "hostname"), 255);
        this.appName = header(requireNonNull(appName, "appName"), 48);
        this.processId = header(requireNonNull(processId, "processId"), 128);
    }

    /** Appends the framed message of each record to {@code out}. */
    void frame(StoredAuditRecord record, ByteArrayOutputStream out) {
        String header = "<" + PRIORITY + ">1 " + record.eventTime().truncatedTo(ChronoUnit.MILLIS) + " " + hostname
                + " " + appName + " " + processId + " " + header(record.eventName(), 32)
                + " [" + SD_ID + " sequence=\"" + record.sequence() + "\" hash=\"" + record.hash().hex()
                + "\" previousHash=\"" + record.previousHash().hex() + "\" eventID=\"" + paramValue(record.eventId())
                + "\"] ";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] body = record.eventJson().getBytes(StandardCharsets.UTF_8);
        int length = head.length + BOM.length + body.length;
        out.writeBytes((length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(head);
        out.writeBytes(BOM);
        out.writeBytes(body);
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} characters; NILVALUE when empty. */
    static String header(String value, int max) {
        StringBuilder field = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && field.length() < max; i++) {
            char c = value.charAt(i);
            field.append(c >= 33 && c <= 126 ? c : '_');
        }
        return field.isEmpty() ? NIL : field.toString();
    }

    /** An SD-PARAM value: {@code "}, {@code \} and {@code ]} escaped with a backslash (RFC 5424 section 6.3.3). */
    static String paramValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
