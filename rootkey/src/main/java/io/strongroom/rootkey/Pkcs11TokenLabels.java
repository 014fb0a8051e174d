package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * Finds the slot holding a token with a given label. SunPKCS11 selects tokens only by slot id or
 * slot-list index, and slot ids can change (SoftHSM2 assigns them at initialisation), so the
 * label is read with C_GetTokenInfo through the JDK's own PKCS#11 wrapper. That package is not
 * exported, hence the JVM option named in the error below.
 */
final class Pkcs11TokenLabels {

    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final long CKF_OS_LOCKING_OK = 0x2L;
    static final String REQUIRED_JVM_OPTION = "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    private Pkcs11TokenLabels() {
    }

    static long slotOf(Path library, String label) {
        try {
            Class<?> initArgsClass = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsClass.getConstructor().newInstance();
            // The same flags SunPKCS11 uses, because the wrapper initialises each library only once.
            initArgsClass.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
            Class<?> pkcs11Class = Class.forName(WRAPPER + "PKCS11");
            Object pkcs11 = pkcs11Class
                    .getMethod("getInstance", String.class, String.class, initArgsClass, boolean.class)
                    .invoke(null, library.toAbsolutePath().toString(), "C_GetFunctionList", initArgs, false);
            long[] slots = (long[]) pkcs11Class.getMethod("C_GetSlotList", boolean.class).invoke(pkcs11, true);
            for (long slot : slots) {
                Object info = pkcs11Class.getMethod("C_GetTokenInfo", long.class).invoke(pkcs11, slot);
                char[] padded = (char[]) info.getClass().getField("label").get(info);
                if (new String(padded).strip().equals(label)) {
                    return slot;
                }
            }
            throw new RootKeyException("No PKCS#11 token labelled " + label + " in " + library);
        } catch (IllegalAccessException e) {
            throw new RootKeyException("Selecting a PKCS#11 token by label needs the JVM option "
                    + REQUIRED_JVM_OPTION + "; or configure the slot id or slot list index instead");
        } catch (InvocationTargetException e) {
            throw new RootKeyException("Listing the PKCS#11 tokens of " + library + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RootKeyException("This JVM's PKCS#11 wrapper cannot list tokens by label", e);
        }
    }
}
