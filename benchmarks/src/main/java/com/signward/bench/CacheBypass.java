package com.signward.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import com.signward.idserver.SignwardClient;

/**
 * Shrinks the verified-token cache of a {@link SignwardClient} to one entry, by reflection, so that a pool of
 * distinct tokens always misses it: the SDK has no option to size or disable the cache (see README, "Main-code
 * suggestions"). Reaches {@code SignwardClient.parts.verification().parts.validator().cache}; the client must have
 * validated one token first (the validator is created lazily). Fails loudly when the SDK's internals change.
 */
final class CacheBypass {

    private CacheBypass() {
    }

    static void shrinkToOneEntry(SignwardClient client) {
        try {
            Object clientParts = field(client, "parts");
            Object verification = accessor(clientParts, "verification");
            Object verificationParts = field(verification, "parts");
            Object validator = accessor(verificationParts, "validator");
            Field cacheField = validator.getClass().getDeclaredField("cache");
            cacheField.setAccessible(true);
            Constructor<?> constructor = cacheField.getType().getDeclaredConstructor(int.class);
            constructor.setAccessible(true);
            cacheField.set(validator, constructor.newInstance(1));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach the verified-token cache; update CacheBypass to the SDK", e);
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        Object value = field.get(target);
        if (value == null) {
            throw new IllegalStateException(name + " is not initialised yet");
        }
        return value;
    }

    private static Object accessor(Object record, String name) throws ReflectiveOperationException {
        Method method = record.getClass().getDeclaredMethod(name);
        method.setAccessible(true);
        return method.invoke(record);
    }
}
