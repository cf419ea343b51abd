package org.vigie.server.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;

@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "API tokens", description = "Personal API tokens: create with HTTP Basic (username and password), then send as Bearer")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record CreateTokenRequest(@NotBlank @Size(max = 100) String name) {
    }

    /** The token itself appears in this answer and never again. */
    record CreatedToken(UUID id, String name, String token, Instant createdAt) {
    }

    record TokenView(UUID id, String name, String masked, Instant createdAt, Instant lastUsedAt, Instant revokedAt, boolean active) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.name(), token.masked(), token.createdAt(), token.lastUsedAt(),
                    token.revokedAt(), token.active());
        }
    }

    @PostMapping
    @Operation(summary = "Create a named API token for the caller; the answer is the only time the token is shown")
    ResponseEntity<CreatedToken> create(Member me, @Valid @RequestBody CreateTokenRequest request) {
        ApiTokens.IssuedToken issued = tokens.issue(me.accountId(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + issued.token().id()))
                .body(new CreatedToken(issued.token().id(), issued.token().name(), issued.secretToken(), issued.token().createdAt()));
    }

    @GetMapping
    @Operation(summary = "The caller's tokens, masked, with their last use")
    List<TokenView> list(Member me) {
        return tokens.listFor(me.accountId()).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it is refused from then on")
    ResponseEntity<Void> revoke(Member me, @PathVariable UUID id) {
        tokens.revoke(me.accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
