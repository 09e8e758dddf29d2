package com.signward.idserver.web;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Seals the {@link SessionLogin} (its tokens) before it enters the HTTP session, with AES-GCM of the JDK
 * (random 96-bit IV per seal, 128-bit tag, a fixed associated-data label): a replicated or persisted session then
 * carries no token in clear. Without a key the login is stored as it is. A sealed value that does not open (another
 * key, tampered) reads as no login. Thread-safe.
 */
final class SessionSeal {

    /** What the session holds when sealing is on: IV followed by ciphertext and tag. */
    record Sealed(byte[] bytes) implements Serializable {
    }

    private static final System.Logger LOG = System.getLogger(SessionSeal.class.getName());
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] LABEL = "signward-session-login-v1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxbytes=262144;com.signward.idserver.**;java.lang.*;java.util.*;java.time.*;java.math.*;!*");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key the AES key (16, 24 or 32 bytes), or {@code null} for no sealing */
    SessionSeal(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
    }

    boolean enabled() {
        return key != null;
    }

    /** @return what to store in the session */
    Object seal(SessionLogin login) {
        if (key == null) {
            return login;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(LABEL);
            byte[] sealed = cipher.doFinal(serialize(login));
            return new Sealed(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("sealing the session login failed (" + e.getClass().getName() + ")");
        }
    }

    /** @return the login a session attribute holds, or {@code null} */
    SessionLogin open(Object attribute) {
        if (key == null) {
            return attribute instanceof SessionLogin login ? login : null;
        }
        if (!(attribute instanceof Sealed sealed) || sealed.bytes().length <= IV_BYTES) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, IV_BYTES));
            cipher.updateAAD(LABEL);
            byte[] plain = cipher.doFinal(sealed.bytes(), IV_BYTES, sealed.bytes().length - IV_BYTES);
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(plain))) {
                in.setObjectInputFilter(FILTER);
                return in.readObject() instanceof SessionLogin login ? login : null;
            }
        } catch (GeneralSecurityException | IOException | ClassNotFoundException | RuntimeException e) {
            LOG.log(Level.WARNING, "Signward login: a sealed session login does not open ({0}); the session is "
                    + "treated as logged out (was signward.session.encryption-key changed?)", e.getClass().getName());
            return null;
        }
    }

    private static byte[] serialize(SessionLogin login) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(login);
        }
        return bytes.toByteArray();
    }
}
