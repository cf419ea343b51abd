package org.vigie.server.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "The signed-in account, and the accounts of organisations")
class AccountApiController {

    private final Accounts accounts;
    private final Clock clock;

    AccountApiController(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    record CreateAccountRequest(
            @NotBlank @Size(min = 2, max = 64) String username,
            @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email,
            UUID organisationId,
            OrganisationRole role,
            Boolean platformAdministrator) {
    }

    record UpdateAccountRequest(
            @Size(min = 1, max = 200) String displayName,
            @Email @Size(max = 320) String email,
            OrganisationRole role,
            Boolean enabled,
            Boolean platformAdministrator) {
    }

    @GetMapping("/me")
    @Operation(summary = "The account making the request")
    AccountView me(Member me) {
        return AccountView.of(accounts.visible(me, me.accountId()), clock.instant());
    }

    @PostMapping("/users")
    @Operation(summary = "Open an account in an organisation (platform or organisation administrators)")
    ResponseEntity<AccountView> create(Member me, @Valid @RequestBody CreateAccountRequest request) {
        Account created = accounts.create(me, new NewAccount(request.username(), request.password(), request.displayName(),
                request.email(), request.organisationId(), request.role(), Boolean.TRUE.equals(request.platformAdministrator())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(AccountView.of(created, clock.instant()));
    }

    @GetMapping("/users")
    @Operation(summary = "Accounts the caller may list: all for platform administrators, else their organisation's")
    List<AccountView> list(Member me, @RequestParam(required = false) UUID organisationId) {
        List<Account> listed = organisationId == null ? accounts.list(me) : accounts.listOf(me, organisationId);
        return listed.stream().map(a -> AccountView.of(a, clock.instant())).toList();
    }

    @GetMapping("/users/{id}")
    AccountView get(Member me, @PathVariable UUID id) {
        return AccountView.of(accounts.visible(me, id), clock.instant());
    }

    @PatchMapping("/users/{id}")
    @Operation(summary = "Change an account's name, e-mail, role or status; absent fields are left as they are")
    AccountView update(Member me, @PathVariable UUID id, @Valid @RequestBody UpdateAccountRequest request) {
        return AccountView.of(accounts.update(me, id, new AccountChanges(request.displayName(), request.email(), request.role(),
                request.enabled(), request.platformAdministrator())), clock.instant());
    }

    record PasswordChangeRequest(@NotNull String currentPassword, @NotNull String newPassword) {
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change the caller's password")
    ResponseEntity<Void> changePassword(Member me, @Valid @RequestBody PasswordChangeRequest request) {
        accounts.changePassword(me, request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
