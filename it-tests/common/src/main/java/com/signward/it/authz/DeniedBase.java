package com.signward.it.authz;

import jakarta.annotation.security.DenyAll;

/** A superclass that denies everything not opened by a method annotation. */
@DenyAll
public abstract class DeniedBase {
}
