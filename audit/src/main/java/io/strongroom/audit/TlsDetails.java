package io.strongroom.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudTrail's {@code tlsDetails}, present when the call came over TLS.
 *
 * @param tlsVersion               for example {@code TLSv1.3}
 * @param cipherSuite              for example {@code TLS_AES_128_GCM_SHA256}
 * @param clientProvidedHostHeader the Host the client asked for
 */
public record TlsDetails(String tlsVersion, String cipherSuite, String clientProvidedHostHeader) {
    Map<String, Object> toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        UserIdentity.putIfPresent(json, "tlsVersion", tlsVersion);
        UserIdentity.putIfPresent(json, "cipherSuite", cipherSuite);
        UserIdentity.putIfPresent(json, "clientProvidedHostHeader", clientProvidedHostHeader);
        return json;
    }
}
