package org.vigie.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The server's feature modules and the arrows between them, as declared in each module's
 * package-info: a cycle, an undeclared dependency or a reach into another module's internals fails
 * here. Static: no database, no application started.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(VigieApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
