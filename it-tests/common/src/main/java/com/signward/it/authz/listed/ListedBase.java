package com.signward.it.authz.listed;

import jakarta.annotation.security.RolesAllowed;

/** Class-level {@code admin}, inherited. */
@RolesAllowed("admin")
public abstract class ListedBase {
}
