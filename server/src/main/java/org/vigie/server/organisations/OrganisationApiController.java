package org.vigie.server.organisations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.organisations.Sector;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Organisations taking part in the hub")
class OrganisationApiController {

    private final Organisations organisations;

    OrganisationApiController(Organisations organisations) {
        this.organisations = organisations;
    }

    record CreateOrganisationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Sector sector,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "{organisation.country.format}") String country,
            @Size(max = 4000) String description) {
    }

    record UpdateOrganisationRequest(
            @Size(min = 1, max = 200) String name,
            Sector sector,
            @Pattern(regexp = "[A-Za-z]{2}", message = "{organisation.country.format}") String country,
            @Size(max = 4000) String description) {
    }

    record OrganisationView(UUID id, String name, Sector sector, String country, String description,
                            Instant createdAt, Instant updatedAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.sector(), o.country().value(), o.description(), o.createdAt(), o.updatedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Create an organisation (platform administrators)")
    ResponseEntity<OrganisationView> create(Member me, @Valid @RequestBody CreateOrganisationRequest request) {
        Organisation created = organisations.create(me,
                new OrganisationChanges(request.name(), request.sector(), request.country(), request.description()));
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(OrganisationView.of(created));
    }

    @GetMapping
    @Operation(summary = "All organisations taking part")
    List<OrganisationView> list() {
        return organisations.all().stream().map(OrganisationView::of).toList();
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable UUID id) {
        return OrganisationView.of(organisations.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an organisation; absent fields are left as they are")
    OrganisationView update(Member me, @PathVariable UUID id, @Valid @RequestBody UpdateOrganisationRequest request) {
        return OrganisationView.of(organisations.update(me, id,
                new OrganisationChanges(request.name(), request.sector(), request.country(), request.description())));
    }
}
