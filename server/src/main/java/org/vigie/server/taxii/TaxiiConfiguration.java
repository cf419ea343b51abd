package org.vigie.server.taxii;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaxiiSettings.class)
class TaxiiConfiguration {
}
