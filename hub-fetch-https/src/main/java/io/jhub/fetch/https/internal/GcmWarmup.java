package io.jhub.fetch.https.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JDK's AES-GCM decryption compiled before an archive's bytes arrive. C2 uses the AES and GHASH
 * intrinsics only inside compiled callers, and the TLS record layer calls GCM once per 16 KiB record, so a fresh
 * JVM decrypted an archive's first megabytes in plain Java while those callers counted up to their thresholds
 * (BENCHMARKS.md, session 7). A daemon thread decrypts a few hundred small records the way JSSE does (in place,
 * the 5-byte record header as additional data) while the connection and its handshake are under way. It runs
 * once per JVM, touches no connection and no key of a real one, and never fails a fetch.
 */
public final class GcmWarmup {
    /** The records decrypted: enough for the callers to pass the launcher's thresholds (packaging/jvm-options). */
    static final int ROUNDS = 200;
    private static final System.Logger LOG = System.getLogger(GcmWarmup.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile int decrypted;

    private GcmWarmup() {
    }

    /**
     * Starts the warm-up thread, the first time only.
     *
     * @return the thread when this call started it
     */
    public static Optional<Thread> start() {
        if (!STARTED.compareAndSet(false, true)) {
            return Optional.empty();
        }
        Thread t = new Thread(GcmWarmup::run, "jhub-gcm-warmup");
        t.setDaemon(true);
        t.start();
        return Optional.of(t);
    }

    /** Returns how many records the warm-up decrypted (and authenticated), for tests. */
    static int decrypted() {
        return decrypted;
    }

    private static void run() {
        try {
            SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
            GCMParameterSpec iv = new GCMParameterSpec(128, new byte[12]);
            Cipher seal = Cipher.getInstance("AES/GCM/NoPadding");
            seal.init(Cipher.ENCRYPT_MODE, key, iv);
            seal.updateAAD(new byte[5]);
            byte[] sealed = seal.doFinal(new byte[256]);
            Cipher open = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] record = new byte[5 + sealed.length];
            open.init(Cipher.DECRYPT_MODE, key, iv); // decryption may reuse its parameters: no key schedule a round
            for (int i = 0; i < ROUNDS; i++) {
                System.arraycopy(sealed, 0, record, 5, sealed.length);
                open.updateAAD(record, 0, 5);
                ByteBuffer body = ByteBuffer.wrap(record, 5, sealed.length).slice();
                open.doFinal(body.duplicate(), body);
                decrypted = i + 1;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // a JDK without AES-GCM has nothing to warm up; the fetch goes on as it would have
            LOG.log(System.Logger.Level.DEBUG, "the AES-GCM warm-up stopped: {0}", e.toString());
        }
    }
}
