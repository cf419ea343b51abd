package org.vigie.server.accounts;

import java.io.PrintStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start, opens the platform administrator account {@code admin}. Its password is
 * {@code VIGIE_ADMIN_PASSWORD} if set, or generated and printed once on the console (never
 * logged). Runs before the web server accepts requests, so no request sees a Vigie without an
 * administrator. Nothing else ever gets a default password.
 */
@Component
class AdministratorBootstrap implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final Accounts accounts;
    private final String configuredPassword;
    private final PrintStream console;

    AdministratorBootstrap(Accounts accounts, @Value("${vigie.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
        this.console = System.out;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.findByUsername(USERNAME).isPresent()) {
            return;
        }
        boolean generated = !StringUtils.hasText(configuredPassword);
        String password = generated ? PasswordGenerator.generate(new SecureRandom()) : configuredPassword;
        accounts.createBySystem(new NewAccount(USERNAME, password, "Platform administrator", null, null, null, true));
        log.info("Created the platform administrator account '{}'", USERNAME);
        console.println();
        console.println("  ┌──────────────────────────────────────────────────────────────");
        console.println("  │ Vigie: platform administrator account created");
        console.println("  │   username: " + USERNAME);
        console.println("  │   password: " + (generated ? password + "   (shown this once: keep it, or change it on your profile page)"
                : "the value of VIGIE_ADMIN_PASSWORD"));
        console.println("  └──────────────────────────────────────────────────────────────");
        console.println();
    }
}
