package com.signward.it.authz;

import com.signward.idserver.jakarta.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;

/** A plain CDI bean for any signed-in caller. */
@ApplicationScoped
@Authenticated
public class SignedInService {

    public String greet() {
        return "signed-in-bean";
    }
}
