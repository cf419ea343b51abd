package org.vigie.server.accounts;

import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.InvalidFieldException;

/**
 * Shows what a service refused next to the form field it names, in the reader's language: the
 * services throw the same exceptions for the API (a problem document) and for pages (a field error).
 */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult result, InvalidFieldException refused) {
        reject(result, refused.field(), refused.messageKey(), refused.getBody().getDetail());
    }

    static void reject(BindingResult result, ConflictException refused) {
        reject(result, refused.field(), refused.messageKey(), refused.getBody().getDetail());
    }

    /** A field the form does not have (should a service name one) still shows, as an error of the whole form. */
    private static void reject(BindingResult result, String field, String messageKey, String detail) {
        if (result.getTarget() != null && BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null) {
            result.rejectValue(field, messageKey, detail);
        } else {
            result.reject(messageKey, detail);
        }
    }
}
