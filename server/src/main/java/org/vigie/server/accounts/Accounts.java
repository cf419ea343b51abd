package org.vigie.server.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/** Opening, changing and listing accounts, each checked against the permission catalogue and audited. */
@Service
public class Accounts {

    /** The same rule as the database's check constraint, so a bad name is a 400, not a 500. */
    static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountRepository repository;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    Accounts(AccountRepository repository, Organisations organisations, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account create(Member actor, NewAccount request) {
        boolean allowed = request.platformAdministrator()
                ? Permissions.allows(actor, Permission.PLATFORM_ADMINISTRATOR_GRANT)
                        && (request.organisationId() == null || Permissions.allows(actor, Permission.ACCOUNT_MANAGE, request.organisationId()))
                : Permissions.allows(actor, Permission.ACCOUNT_MANAGE, request.organisationId());
        if (!allowed) {
            throw new ForbiddenException(request.platformAdministrator()
                    ? "Only platform administrators create platform administrators."
                    : "Only this organisation's administrators and platform administrators add its members.");
        }
        return open(request, "account.created");
    }

    /**
     * Opens an account on the platform's own authority, without an acting member: the bootstrap
     * administrator and the demo accounts. Never reachable from a request.
     */
    @Transactional
    public Account createBySystem(NewAccount request) {
        return open(request, "account.created");
    }

    private Account open(NewAccount request, String action) {
        String username = normaliseUsername(request.username());
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidFieldException("username", "account.username.invalid",
                    "A username has 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (request.organisationId() == null && !request.platformAdministrator()) {
            throw new InvalidFieldException("organisationId", "account.organisation.required", "Every account belongs to an organisation.");
        }
        if (request.organisationId() != null && organisations.find(request.organisationId()).isEmpty()) {
            throw new InvalidFieldException("organisationId", "account.organisation.unknown",
                    "No organisation with id " + request.organisationId() + ".");
        }
        if (request.organisationId() != null && request.role() == null) {
            throw new InvalidFieldException("role", "account.role.required", "A member needs a role: ADMINISTRATOR, ANALYST or VIEWER.");
        }
        if (repository.usernameTaken(username)) {
            throw new ConflictException("username", "account.username.taken", "The username '" + username + "' is taken.");
        }
        PasswordPolicy.check("password", request.password(), username);
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), username, request.displayName().trim(), blankToNull(request.email()),
                request.organisationId(), request.organisationId() == null ? null : request.role(),
                request.platformAdministrator(), null, true, 0, null, now, now);
        repository.insert(account, passwords.encode(request.password()));
        audit.record(AuditEvent.of(action, "account", account.id())
                .with("username", username)
                .with("organisation", Objects.toString(account.organisationId(), null))
                .with("role", account.role() == null ? null : account.role().name())
                .with("platformAdministrator", account.platformAdministrator()));
        return account;
    }

    @Transactional
    public Account update(Member actor, UUID id, AccountChanges changes) {
        Account current = visible(actor, id);
        if (!mayChange(actor, current)) {
            throw new ForbiddenException(current.platformAdministrator()
                    ? "Only platform administrators change a platform administrator's account."
                    : "Only this organisation's administrators and platform administrators change its members.");
        }
        if (changes.platformAdministrator() != null && changes.platformAdministrator() != current.platformAdministrator()
                && !Permissions.allows(actor, Permission.PLATFORM_ADMINISTRATOR_GRANT)) {
            throw new ForbiddenException("Only platform administrators grant or withdraw that role.");
        }
        if (current.organisationId() == null && changes.platformAdministrator() == Boolean.FALSE) {
            throw new InvalidFieldException("platformAdministrator", "account.platformAdmin.needsOrganisation",
                    "An account without an organisation must stay a platform administrator.");
        }
        if (id.equals(actor.accountId())) {
            refuseSelfLockout(actor, current, changes);
        }
        Account updated = new Account(id, current.username(),
                changes.displayName() == null ? current.displayName() : changes.displayName().trim(),
                changes.email() == null ? current.email() : blankToNull(changes.email()),
                current.organisationId(),
                current.organisationId() == null || changes.role() == null ? current.role() : changes.role(),
                changes.platformAdministrator() == null ? current.platformAdministrator() : changes.platformAdministrator(),
                current.locale(),
                changes.enabled() == null ? current.enabled() : changes.enabled(),
                current.failedLogins(), current.lockedUntil(), current.createdAt(), clock.instant());
        repository.update(updated);
        // Personal values (name, e-mail) stay out of the unerasable audit log: only that they changed.
        java.util.List<String> personal = new java.util.ArrayList<>();
        if (!Objects.equals(current.displayName(), updated.displayName())) {
            personal.add("displayName");
        }
        if (!Objects.equals(current.email(), updated.email())) {
            personal.add("email");
        }
        AuditEvent event = AuditEvent.of("account.updated", "account", id).with("username", current.username());
        if (!personal.isEmpty()) {
            event = event.with("changedFields", personal);
        }
        if (current.role() != updated.role()) {
            event = event.with("role", updated.role().name());
        }
        if (current.enabled() != updated.enabled()) {
            event = event.with("enabled", updated.enabled());
        }
        if (current.platformAdministrator() != updated.platformAdministrator()) {
            event = event.with("platformAdministrator", updated.platformAdministrator());
        }
        audit.record(event);
        return updated;
    }

    /**
     * Whether the member may change this account. A platform administrator's account is changed by
     * platform administrators only, even when it belongs to an organisation: otherwise that
     * organisation's administrators could disable the people who run the platform.
     */
    public boolean mayChange(Member actor, Account target) {
        if (target.platformAdministrator() || target.organisationId() == null) {
            return Permissions.allows(actor, Permission.PLATFORM_ADMINISTRATOR_GRANT);
        }
        return Permissions.allows(actor, Permission.ACCOUNT_MANAGE, target.organisationId());
    }

    /** Whether the member may open accounts at all: platform administrators, and organisation administrators for their own. */
    public boolean mayOpenAccounts(Member actor) {
        return Permissions.allows(actor, Permission.ACCOUNT_MANAGE, actor.organisationId());
    }

    /**
     * Nobody disables themselves or gives up their own administration rights, be they the platform's or
     * their organisation's (stepping down from ADMINISTRATOR): an organisation could otherwise be left
     * with nobody to manage it by a slip of the hand. Another administrator can do it.
     */
    private static void refuseSelfLockout(Member actor, Account current, AccountChanges changes) {
        String field = null;
        if (changes.enabled() == Boolean.FALSE) {
            field = "enabled";
        } else if (changes.platformAdministrator() == Boolean.FALSE && current.platformAdministrator()) {
            field = "platformAdministrator";
        } else if (!actor.platformAdministrator() && current.role() == OrganisationRole.ADMINISTRATOR
                && changes.role() != null && changes.role() != OrganisationRole.ADMINISTRATOR) {
            field = "role";
        }
        if (field != null) {
            throw new InvalidFieldException(field, "account.self.lockout",
                    "You cannot disable your own account or withdraw your own administration rights.");
        }
    }

    @Transactional
    public void changePassword(Member actor, String currentPassword, String newPassword) {
        String hash = repository.passwordHash(actor.accountId()).orElseThrow(() -> new NotFoundException("account", actor.accountId()));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw new InvalidFieldException("currentPassword", "password.current.wrong", "The current password is not correct.");
        }
        PasswordPolicy.check("newPassword", newPassword, actor.username());
        if (passwords.matches(newPassword, hash)) {
            throw new InvalidFieldException("newPassword", "password.unchanged", "The new password must differ from the current one.");
        }
        repository.updatePassword(actor.accountId(), passwords.encode(newPassword), clock.instant());
        audit.record(AuditEvent.of("account.password-changed", "account", actor.accountId()));
    }

    /** Sets a password without knowing the old one: only for the system (demo accounts). */
    @Transactional
    public void resetPasswordBySystem(UUID id, String newPassword) {
        repository.updatePassword(id, passwords.encode(newPassword), clock.instant());
        audit.record(AuditEvent.of("account.password-reset", "account", id));
    }

    @Transactional
    void rememberLocale(UUID id, Locale locale) {
        repository.updateLocale(id, locale.getLanguage());
        audit.record(AuditEvent.of("account.locale-changed", "account", id).with("locale", locale.getLanguage()));
    }

    /** Accounts the member may list: all for platform administrators, else their organisation's. */
    public List<Account> list(Member actor) {
        if (actor.platformAdministrator()) {
            return repository.findAll();
        }
        return repository.findByOrganisation(actor.organisationId());
    }

    public List<Account> listOf(Member actor, UUID organisationId) {
        if (!Permissions.allows(actor, Permission.ACCOUNT_LIST, organisationId)) {
            return List.of();
        }
        return repository.findByOrganisation(organisationId);
    }

    /** An account the member may see; any other is "not found". */
    public Account visible(Member actor, UUID id) {
        return repository.findById(id)
                .filter(a -> a.id().equals(actor.accountId()) || actor.platformAdministrator()
                        || (a.organisationId() != null && Permissions.allows(actor, Permission.ACCOUNT_LIST, a.organisationId())))
                .orElseThrow(() -> new NotFoundException("account", id));
    }

    /** Whether an account exists, whoever it belongs to: for naming recipients, which reveals no more than the id given. */
    public boolean exists(UUID id) {
        return repository.findById(id).isPresent();
    }

    public Optional<Account> findByUsername(String username) {
        return repository.findByUsername(normaliseUsername(username));
    }

    boolean anyExists() {
        return repository.exists();
    }

    static String normaliseUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
