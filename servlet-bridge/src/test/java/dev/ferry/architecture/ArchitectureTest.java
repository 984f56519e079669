package dev.ferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of Ferry's runtime code (api-impl and servlet-bridge, which this module sees
 * whole), checked on the compiled classes: a new package cycle, the engine reaching up into the
 * Jakarta API or the façade, or a servlet type outside the bridge fails the build. The layers,
 * bottom up: {@code transport} (the byte-stream SPI and its write slot); {@code engine.frame},
 * {@code engine.deflate}, {@code engine} (the protocol) and {@code nio} (sockets and threads); then
 * the Jakarta façade ({@code config}, {@code handshake}, {@code extension}, {@code message},
 * {@code session}, {@code pojo}, {@code metrics}, {@code instance}, {@code client}, {@code broadcast},
 * {@code server});
 * then {@code servlet}. See docs/architecture.md.
 */
class ArchitectureTest {

    private static final String[] ENGINE = {"dev.ferry.engine..", "dev.ferry.transport..", "dev.ferry.nio.."};
    private static final String[] FACADE = {"dev.ferry.config..", "dev.ferry.handshake..", "dev.ferry.extension..",
        "dev.ferry.message..", "dev.ferry.session..", "dev.ferry.pojo..", "dev.ferry.metrics..", "dev.ferry.instance..",
        "dev.ferry.client..", "dev.ferry.server..", "dev.ferry.broadcast.."};

    private static JavaClasses ferry;

    @BeforeAll
    static void importRuntimeClasses() {
        ferry = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ferry");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.ferry.(**)").should().beFreeOfCycles().check(ferry);
    }

    @Test
    void theEngineKnowsNothingOfTheJakartaApisOrTheFacade() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.websocket..", "jakarta.servlet..")
                .because("the engine is the protocol, reusable and testable without the Jakarta API")
                .check(ferry);
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(FACADE)
                .orShould().dependOnClassesThat().resideInAPackage("dev.ferry.servlet..")
                .because("the façade is built on the engine, never the other way round")
                .check(ferry);
    }

    @Test
    void theTransportSpiIsTheBottomLayer() {
        noClasses().that().resideInAPackage("dev.ferry.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine..", "dev.ferry.nio..")
                .check(ferry);
        noClasses().that().resideInAnyPackage("dev.ferry.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.ferry.nio..")
                .because("the engine is sans-I/O: it never sees a socket or a thread of its own")
                .check(ferry);
    }

    @Test
    void onlyTheBridgeSeesServlets() {
        noClasses().that().resideOutsideOfPackage("dev.ferry.servlet..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .check(ferry);
    }

    @Test
    void theImportSawBothModules() {
        // Guards the rules above against passing on an empty import (a moved output directory).
        org.junit.jupiter.api.Assertions.assertTrue(ferry.contain("dev.ferry.engine.WebSocketConnection"));
        org.junit.jupiter.api.Assertions.assertTrue(ferry.contain("dev.ferry.servlet.FerryUpgradeFilter"));
    }
}
