package com.signward.it.tenants;

import com.signward.idserver.jakarta.SignwardTenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/** The application's choice of tenant for a browser login: the {@code tenant} query parameter. */
@ApplicationScoped
public class QueryTenantResolver implements SignwardTenantResolver {

    @Override
    public String resolve(HttpServletRequest request) {
        return request.getParameter("tenant");
    }
}
