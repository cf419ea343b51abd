package org.vigie.server.publicsite;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.vigie.server.web.VigieLocaleResolver;

/**
 * An error on a public address (a request the firewall refused, a failure while building a page) is
 * shown in the public site's own layout, never as the application's error page: nothing of the
 * application, not even its navigation for a signed-in reader, appears under /public/.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicErrorPages implements ErrorViewResolver {

    private final PublicSite site;

    PublicErrorPages(PublicSite site) {
        this.site = site;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        if (!path.equals("/public") && !path.startsWith("/public/")) {
            return null;
        }
        Language language = path.startsWith("/public/fr/") ? Language.FR
                : path.startsWith("/public/en/") ? Language.EN : PublicSite.negotiate(request.getHeader("Accept-Language"));
        VigieLocaleResolver.useForThisRequest(request, language.locale());
        ModelAndView view = new ModelAndView("public/error");
        view.addObject("lang", language);
        view.addObject("otherLang", language.other());
        view.addObject("otherHref", PublicSite.home(language.other()));
        view.addObject("selfHref", PublicSite.home(language));
        view.addObject("canonical", null);
        view.addObject("alternates", List.of());
        view.addObject("feedHref", site.absolute(PublicSite.feed(language)));
        view.addObject("view", PageHelpers.INSTANCE);
        view.addObject("description", "");
        view.addObject("status", status.value());
        view.setStatus(status);
        return view;
    }
}
