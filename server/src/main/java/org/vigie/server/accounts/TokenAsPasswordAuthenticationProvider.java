package org.vigie.server.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic with the username and an API token as the password, which is what common TAXII
 * clients send. Only tokens are handled here; passwords go to the password provider.
 */
class TokenAsPasswordAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;

    TokenAsPasswordAuthenticationProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = String.valueOf(authentication.getCredentials());
        if (!ApiTokens.looksLikeToken(presented)) {
            return null; // not a token: let the password provider decide
        }
        Account account = tokens.authenticate(presented)
                .filter(a -> a.username().equalsIgnoreCase(authentication.getName().trim()))
                .orElseThrow(() -> new BadCredentialsException("invalid token"));
        return new BearerTokenFilter.TokenAuthentication(SignedInAccount.authenticated(account));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
