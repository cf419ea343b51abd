package org.vigie.server.federation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.Community;
import org.vigie.server.sharing.CommunitySummary;
import org.vigie.server.web.FieldException;

/** The administrators' pages for peer hubs: the list, the form, a peer's page with its runs and "Sync now". */
@Controller
@RequestMapping("/admin/peers")
class PeerPagesController {

    private static final String FORM = "form";

    private final Peers peers;
    private final Synchronisations syncs;
    private final Organisations organisations;
    private final Communities communities;

    PeerPagesController(Peers peers, Synchronisations syncs, Organisations organisations, Communities communities) {
        this.peers = peers;
        this.syncs = syncs;
        this.organisations = organisations;
        this.communities = communities;
    }

    @InitBinder(FORM)
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "discoveryUrl", "apiRoot", "collectionId", "authScheme", "username", "token",
                "organisationId", "organisationSector", "organisationCountry", "communityId", "maxTlp", "pullIntervalMinutes",
                "enabled", "pushCommunityId", "pushCollectionId");
    }

    /** A line of the list. */
    record Row(Peer peer, SyncRun lastRun, String communityName) {
    }

    @GetMapping
    String list(Member me, Model model) {
        Map<UUID, SyncRun> latest = syncs.latestRuns(me);
        model.addAttribute("rows", peers.all(me).stream()
                .map(p -> new Row(p, latest.get(p.id()), communityName(p.communityId()))).toList());
        return "federation/list";
    }

    @GetMapping("/new")
    String create(Member me, Model model) {
        Peers.require(me);
        return form(model, new PeerForm(), null);
    }

    @PostMapping("/new")
    String create(Member me, @ModelAttribute(FORM) PeerForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return form(model, form, null);
        }
        try {
            Peer peer = peers.register(me, form.changes());
            flash.addFlashAttribute("notice", "federation.peer.registered");
            return "redirect:/admin/peers/" + peer.id();
        } catch (FieldException e) {
            errors.rejectValue(field(e.field()), e.messageKey(), e.getBody().getDetail());
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(Member me, @PathVariable UUID id, Model model) {
        Peer peer = peers.get(me, id);
        return form(model, PeerForm.of(peer), peer);
    }

    @PostMapping("/{id}/edit")
    String edit(Member me, @PathVariable UUID id, @ModelAttribute(FORM) PeerForm form, BindingResult errors, Model model,
                RedirectAttributes flash) {
        Peer peer = peers.get(me, id);
        if (errors.hasErrors()) {
            return form(model, form, peer);
        }
        try {
            peers.update(me, id, form.changes());
            flash.addFlashAttribute("notice", "federation.peer.saved");
            return "redirect:/admin/peers/" + id;
        } catch (FieldException e) {
            errors.rejectValue(field(e.field()), e.messageKey(), e.getBody().getDetail());
            return form(model, form, peer);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(Member me, @PathVariable UUID id, RedirectAttributes flash) {
        peers.remove(me, id);
        flash.addFlashAttribute("notice", "federation.peer.removed");
        return "redirect:/admin/peers";
    }

    @GetMapping("/{id}")
    String peer(Member me, @PathVariable UUID id, Model model) {
        Peer peer = peers.get(me, id);
        List<SyncRun> runs = syncs.runs(me, id, 50);
        model.addAttribute("peer", peer);
        model.addAttribute("organisationName", organisations.find(peer.organisationId()).map(Organisation::name).orElse("?"));
        model.addAttribute("communityName", communityName(peer.communityId()));
        model.addAttribute("pushCommunityName", peer.pushes() ? communityName(peer.pushCommunityId()) : null);
        model.addAttribute("runs", runs);
        model.addAttribute("running", runs.stream().filter(r -> r.state() == SyncRun.State.RUNNING).findFirst().orElse(null));
        return "federation/peer";
    }

    /** The running run's progress, polled by the peer page while a sync runs. */
    @GetMapping("/{id}/progress")
    String progress(Member me, @PathVariable UUID id, Model model) {
        Peer peer = peers.get(me, id);
        model.addAttribute("peer", peer);
        model.addAttribute("run", syncs.runs(me, id, 1).stream().findFirst().orElse(null));
        return "federation/peer :: progress";
    }

    @PostMapping("/{id}/sync")
    String sync(Member me, @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                RedirectAttributes flash) {
        try {
            syncs.syncNow(me, id);
        } catch (org.vigie.server.web.ConflictException e) {
            flash.addFlashAttribute("notice", "federation.sync.running");
        }
        if (htmx != null) {
            return progress(me, id, model);
        }
        return "redirect:/admin/peers/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(Member me, @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        syncs.cancel(me, id);
        if (htmx != null) {
            return progress(me, id, model);
        }
        return "redirect:/admin/peers/" + id;
    }

    @PostMapping("/{id}/test")
    String test(Member me, @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("checks", syncs.testConnection(me, id));
        if (htmx != null) {
            return "federation/peer :: checks";
        }
        return peer(me, id, model);
    }

    private String form(Model model, PeerForm form, Peer editing) {
        model.addAttribute(FORM, form);
        model.addAttribute("editing", editing);
        model.addAttribute("communities", communities.all(null).stream().map(CommunitySummary::community)
                .sorted(java.util.Comparator.comparing(c -> c.name().toLowerCase(java.util.Locale.ROOT))).toList());
        model.addAttribute("organisationOptions", organisations.all());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("schemes", AuthScheme.values());
        model.addAttribute("tlps", List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
        return "federation/form";
    }

    private String communityName(UUID id) {
        return Optional.ofNullable(id).flatMap(communities::find).map(Community::name).orElse("?");
    }

    /** A service field that has no input of its own is shown at the top of the form. */
    private static String field(String field) {
        return List.of("name", "discoveryUrl", "apiRoot", "collectionId", "token", "organisationId", "organisationCountry",
                "communityId", "maxTlp", "pullIntervalMinutes", "pushCommunityId", "pushCollectionId").contains(field) ? field : "name";
    }
}
