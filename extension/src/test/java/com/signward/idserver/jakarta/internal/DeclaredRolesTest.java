package com.signward.idserver.jakarta.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeclaredRolesTest {

    @RolesAllowed("user")
    static class Resource {
        @RolesAllowed({"admin", "billing"})
        public void billing() {
        }

        @PermitAll
        public void open() {
        }
    }

    @DeclareRoles({"auditor"})
    static class Declaring {
        @RolesAllowed("editor")
        void packagePrivate() {
        }
    }

    static class Plain {
    }

    @Test
    void collectsRolesFromClassesMethodsAndDeclarations() {
        assertEquals(Set.of("user", "admin", "billing", "auditor", "editor"),
                DeclaredRoles.of(List.of(Resource.class, Declaring.class, Plain.class)));
    }

    @Test
    void nothingAnnotatedDeclaresNothing() {
        assertEquals(Set.of(), DeclaredRoles.of(List.of(Plain.class)));
    }
}
