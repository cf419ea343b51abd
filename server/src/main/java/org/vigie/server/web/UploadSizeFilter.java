package org.vigie.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a multipart request declared larger than the upload bound, before anything reads its body. */
class UploadSizeFilter extends OncePerRequestFilter {

    private final UploadRefusal refusal;

    UploadSizeFilter(UploadRefusal refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (refusal.declaredTooLarge(request)) {
            refusal.refuse(request, response, null);
            return;
        }
        chain.doFilter(request, response);
    }
}
