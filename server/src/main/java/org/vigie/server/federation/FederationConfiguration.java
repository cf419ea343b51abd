package org.vigie.server.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

    /**
     * @param timeout how long one TAXII request may take
     * @param maxAnswer the largest answer read from a peer (a page of 500 objects is usually well under 10 MB)
     */
    @Bean
    TaxiiClient taxiiClient(ObjectMapper json, @Value("${vigie.federation.timeout:60s}") Duration timeout,
                            @Value("${vigie.federation.max-answer:64MB}") DataSize maxAnswer) {
        return new TaxiiClient(json, timeout, maxAnswer.toBytes());
    }
}
