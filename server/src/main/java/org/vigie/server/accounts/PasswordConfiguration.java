package org.vigie.server.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed with or without a web server (the bootstrap administrator, the demo). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, behind {id} prefixes so stored hashes can move to a stronger function later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
