package org.vigie.server.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.vigie.server.web.SecurityHeaders;

/**
 * Who may reach what, by kind of client:
 * <ol>
 *   <li>API documentation: public (it describes the API, it holds no data);</li>
 *   <li>{@code /api/v1/auth/tokens}: HTTP Basic with username and password, so a user can get a
 *       first token, or a token;</li>
 *   <li>the rest of {@code /api/**} and {@code /actuator/**}: stateless, API token as Bearer or as
 *       the Basic password; no session, no CSRF (no cookie is ever read);</li>
 *   <li>{@code /taxii2/**}: the TAXII 2.1 server, stateless like the API (Bearer token, or Basic with the
 *       username and a token as the password, never a password), its errors as TAXII error messages;</li>
 *   <li>the public site ({@code /public/**}, {@code /robots.txt}): anyone, GET only, stateless;</li>
 *   <li>the web UI: form sign-in, a session kept in step with its account, CSRF protection, sign-out.</li>
 * </ol>
 * Every chain sends the same security headers. Fine-grained decisions (which organisation, which
 * object) are made by the features through {@link org.vigie.core.accounts.Permissions} and, for
 * shared content, the visibility policy.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // command-line tools start no web server
class SecurityConfiguration {

    @Bean
    ApiProblemEntryPoint apiProblemEntryPoint(ObjectMapper json) {
        return new ApiProblemEntryPoint(json);
    }

    /** Not a bean: a provider bean would make Spring Security build a second, global manager around it. */
    private static DaoAuthenticationProvider passwords(AccountUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
                                                AuthenticationEventPublisher events) {
        return manager(events, passwords(users, encoder));
    }

    private static AuthenticationManager manager(AuthenticationEventPublisher events, AuthenticationProvider... providers) {
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders.standard(SecurityHeaders.API_DOCS_CONTENT_SECURITY_POLICY))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain tokenIssuing(HttpSecurity http, ApiTokens tokens, ApiProblemEntryPoint problems,
                                     AccountUserDetailsService users, PasswordEncoder encoder,
                                     AuthenticationEventPublisher events) throws Exception {
        stateless(http.securityMatcher("/api/v1/auth/tokens", "/api/v1/auth/tokens/**"), tokens, problems)
                .authenticationManager(manager(events, new TokenAsPasswordAuthenticationProvider(tokens), passwords(users, encoder)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll() // see ASYNC_NOTE
                        .anyRequest().authenticated());
        return http.build();
    }

    /*
     * ASYNC_NOTE: a streamed download (evidence files) finishes in an ASYNC dispatch of a request that
     * was authorised on its first dispatch; authorising it again would find no token there and fail
     * after the response has started.
     */
    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiProblemEntryPoint problems,
                            AuthenticationEventPublisher events) throws Exception {
        stateless(http.securityMatcher("/api/**", "/actuator/**"), tokens, problems)
                .authenticationManager(manager(events, new TokenAsPasswordAuthenticationProvider(tokens)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll() // see ASYNC_NOTE
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("PLATFORM_ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Disjoint from the other API chains, so its place among them does not matter; before the web chain's catch-all. */
    @Bean
    @Order(3)
    SecurityFilterChain taxii(HttpSecurity http, ApiTokens tokens, ObjectMapper json, AuthenticationEventPublisher events) throws Exception {
        stateless(http.securityMatcher("/taxii2", "/taxii2/**"), tokens, ApiProblemEntryPoint.taxii(json))
                .authenticationManager(manager(events, new TokenAsPasswordAuthenticationProvider(tokens)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    /**
     * The public site: anyone may read it, nobody may write to it. Stateless: the session is neither read
     * (a signed-in person sees exactly what anyone sees, and no account's state is touched) nor created
     * (the pages are cacheable by anyone). Only GET and HEAD; OPTIONS for the CORS preflight of the open
     * JSON API; everything else 403. The pages set their own Cache-Control and ETag. Disjoint from the
     * other chains, before the web chain's catch-all.
     */
    @Bean
    @Order(3)
    SecurityFilterChain publicSiteChain(HttpSecurity http) throws Exception {
        org.springframework.web.cors.CorsConfiguration open = new org.springframework.web.cors.CorsConfiguration();
        open.addAllowedOrigin("*");
        open.setAllowedMethods(java.util.List.of("GET", "HEAD", "OPTIONS"));
        open.addAllowedHeader("*");
        open.addExposedHeader("ETag");
        open.setMaxAge(86400L);
        org.springframework.web.cors.UrlBasedCorsConfigurationSource cors = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
        cors.registerCorsConfiguration("/public/api/**", open);
        cors.registerCorsConfiguration("/public/*/feed.atom", open);
        return http.securityMatcher("/public", "/public/**", "/robots.txt")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/public/api/**", "/public/*/feed.atom").permitAll()
                        .anyRequest().denyAll())
                .cors(c -> c.configurationSource(cors))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.standard(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ApiTokens tokens, ApiProblemEntryPoint problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .headers(SecurityHeaders.standard(SecurityHeaders.CONTENT_SECURITY_POLICY));
    }

    @Bean
    @Order(4)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager passwordsOnly, AccountRepository accounts) throws Exception {
        return http
                .authenticationManager(passwordsOnly)
                .addFilterAfter(new SessionAccountRefresh(accounts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll() // see ASYNC_NOTE
                        .requestMatchers("/login", "/language", "/error", "/css/**", "/js/**", "/images/**",
                                "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole("PLATFORM_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults())
                .headers(SecurityHeaders.standard(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .build();
    }
}
