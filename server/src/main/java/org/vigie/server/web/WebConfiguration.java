package org.vigie.server.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** TLP levels in JSON are read as people write them: AMBER+STRICT, TLP:AMBER+STRICT or AMBER_STRICT. */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer tlpAsPeopleWriteIt() {
        return builder -> builder.deserializerByType(org.vigie.core.sharing.Tlp.class,
                new com.fasterxml.jackson.databind.JsonDeserializer<org.vigie.core.sharing.Tlp>() {
                    @Override
                    public org.vigie.core.sharing.Tlp deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                                                  com.fasterxml.jackson.databind.DeserializationContext context)
                            throws java.io.IOException {
                        String text = parser.getValueAsString();
                        return org.vigie.core.sharing.Tlp.parse(text).orElseThrow(() -> com.fasterxml.jackson.databind.exc.InvalidFormatException
                                .from(parser, "not a TLP 2.0 level", text, org.vigie.core.sharing.Tlp.class));
                    }
                });
    }

    @Bean
    LocaleResolver localeResolver(ObjectProvider<LocalePreferences> preferences) {
        return new VigieLocaleResolver(preferences);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // a UI switch: an API call must not change the account's remembered language; the public site's
        // addresses carry their language, and its pages set no cookie (they are cached by anyone)
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**", "/public/**", "/robots.txt");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentMemberResolver());
    }
}
