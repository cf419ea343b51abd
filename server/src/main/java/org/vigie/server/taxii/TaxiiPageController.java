package org.vigie.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.vigie.core.accounts.Member;

/**
 * The "TAXII" page: what a user pastes into a TAXII client (OpenCTI, MISP's taxii2 feeds, the OASIS
 * Python client, another Vigie): the discovery URL, the API root, their collections, and how to
 * authenticate with an API token from their profile.
 */
@Controller
class TaxiiPageController {

    private final TaxiiService taxii;
    private final TaxiiSettings settings;

    TaxiiPageController(TaxiiService taxii, TaxiiSettings settings) {
        this.taxii = taxii;
        this.settings = settings;
    }

    @GetMapping("/taxii")
    String page(Member me, HttpServletRequest request, Model model) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        String discovery = base + TaxiiController.DISCOVERY + "/";
        String root = base + TaxiiController.API_ROOT;
        List<TaxiiCollection> collections = taxii.collections(me);
        TaxiiCollection example = collections.get(0);
        model.addAttribute("discovery", discovery);
        model.addAttribute("apiRoot", root);
        model.addAttribute("collections", collections);
        model.addAttribute("maxTlp", settings.maxTlp().label());
        model.addAttribute("maxContentLength", settings.maxContentLength().toBytes());
        model.addAttribute("defaultLimit", settings.defaultLimit());
        model.addAttribute("maxLimit", settings.maxLimit());
        model.addAttribute("username", me.username());
        model.addAttribute("python", """
                # pip install taxii2-client
                from taxii2client.v21 import Server, Collection, as_pages

                server = Server("%1$s", user="%2$s", password="<API token>")
                collection = Collection("%3$scollections/%4$s/", user="%2$s", password="<API token>")
                for envelope in as_pages(collection.get_objects, per_request=%5$d):
                    for stix_object in envelope.get("objects", []):
                        print(stix_object["id"])
                """.formatted(discovery, me.username(), root, example.id(), settings.defaultLimit()));
        model.addAttribute("curl", """
                curl -u '%1$s:<API token>' -H 'Accept: application/taxii+json;version=2.1' \\
                     '%2$scollections/%3$s/objects/?limit=100'
                """.formatted(me.username(), root, example.id()));
        model.addAttribute("settingsBlock", """
                discovery URL : %1$s
                API root      : %2$s
                collection    : %3$s
                username      : %4$s
                password      : <API token>   (or header Authorization: Bearer <API token>)
                """.formatted(discovery, root, example.id(), me.username()));
        return "taxii/page";
    }
}
