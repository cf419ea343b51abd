package org.vigie.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The size of uploads. {@code spring.servlet.multipart.max-file-size} is the limit people are told
 * (set to the largest file a feature takes: {@code vigie.evidence.max-size}); each feature checks its
 * own, smaller or equal, limit on what it reads. The servlet container only bounds the request: the
 * file limit plus {@link #FORM_FIELDS} for the form's other fields (a larger configured
 * {@code max-request-size} is kept), so that a file just under the limit is never refused by the
 * container because of the fields sent with it.
 *
 * <p>A request whose declared length is over that bound is answered 413 before anything reads it, in
 * front of the security filters: otherwise the CSRF check of a form post would parse the body, fail,
 * and answer a misleading 403.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UploadLimits {

    /** Room for a form's fields and the multipart framing beside the largest file. */
    static final long FORM_FIELDS = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart) {
        MultipartConfigElement configured = multipart.createMultipartConfig();
        long request = bound(configured.getMaxFileSize(), configured.getMaxRequestSize());
        return new MultipartConfigElement(configured.getLocation(), request, request, configured.getFileSizeThreshold());
    }

    static long bound(long announcedFileSize, long configuredRequestSize) {
        if (announcedFileSize < 0 || configuredRequestSize < 0) {
            return -1;
        }
        return Math.max(configuredRequestSize, announcedFileSize + FORM_FIELDS);
    }

    @Bean
    UploadRefusal uploadRefusal(MultipartProperties multipart, MultipartConfigElement container, ObjectMapper json) {
        return new UploadRefusal(multipart.getMaxFileSize().toBytes(), container.getMaxRequestSize(), json);
    }

    @Bean
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(UploadRefusal refusal) {
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(new UploadSizeFilter(refusal));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
