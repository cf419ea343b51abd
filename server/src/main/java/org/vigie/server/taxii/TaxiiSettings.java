package org.vigie.server.taxii;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.vigie.core.sharing.Tlp;

/**
 * {@code vigie.taxii.*}: the server's limits and its TLP ceiling.
 *
 * @param maxTlp           the highest TLP level served or accepted over TAXII (default AMBER): TAXII is
 *                         a machine-to-machine channel whose clients forward what they pull into other
 *                         tools without a person deciding, which AMBER+STRICT ("this organisation
 *                         only") and RED ("these people only") do not allow
 * @param defaultLimit     objects per page when the client gives no {@code limit}
 * @param maxLimit         the largest page served, whatever {@code limit} asks
 * @param maxContentLength the largest POST body accepted, advertised as the API root's {@code max_content_length}
 */
@ConfigurationProperties("vigie.taxii")
public record TaxiiSettings(@DefaultValue("AMBER") Tlp maxTlp,
                            @DefaultValue("1000") int defaultLimit,
                            @DefaultValue("5000") int maxLimit,
                            @DefaultValue("10MB") DataSize maxContentLength) {

    public TaxiiSettings {
        if (maxTlp.compareTo(Tlp.AMBER) > 0) {
            // Refused rather than obeyed: the audit of restricted reads and the named-recipient rules do
            // not survive an automatic forward, so no configuration can open TAXII to them.
            throw new IllegalArgumentException("vigie.taxii.max-tlp may be at most AMBER (AMBER+STRICT and RED never leave over TAXII)");
        }
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException("vigie.taxii: need 1 <= default-limit <= max-limit");
        }
    }

    public boolean serves(Tlp tlp) {
        return tlp.compareTo(maxTlp) <= 0;
    }
}
