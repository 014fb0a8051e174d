package io.strongroom.audit;

/**
 * CloudTrail's {@code tlsDetails}, present when the call came over TLS.
 *
 * @param tlsVersion               for example {@code TLSv1.3}
 * @param cipherSuite              for example {@code TLS_AES_128_GCM_SHA256}
 * @param clientProvidedHostHeader the Host the client asked for
 */
public record TlsDetails(String tlsVersion, String cipherSuite, String clientProvidedHostHeader) {
    void writeCanonical(StringBuilder out) {
        new CanonicalJson.OrderedObject(out).memberIfPresent("cipherSuite", cipherSuite)
                .memberIfPresent("clientProvidedHostHeader", clientProvidedHostHeader)
                .memberIfPresent("tlsVersion", tlsVersion).end();
    }
}
