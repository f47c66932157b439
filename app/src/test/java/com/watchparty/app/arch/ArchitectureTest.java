package com.watchparty.app.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module boundaries of the design: shared messages, two sides that never reach into each other, and the
 * real-time room beside them, which talks to both only through the shared API's commands and queries.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.watchparty");
    }

    /**
     * Besides the annotations, the shared API knows the exceptions a refusal travels in across the buses, so that
     * one translator ({@code Rejections}) reads them for REST and sockets alike.
     */
    @Test
    void theSharedApiDependsOnNothingButTheJdkAndAxonsModellingAnnotationsAndBusExceptions() {
        classes().that().resideInAPackage("com.watchparty.api..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.watchparty.api..",
                        "org.axonframework.modelling.command", "org.axonframework.serialization")
                        .or(belongToAnyOf(CommandExecutionException.class, QueryExecutionException.class)))
                .check(classes);
    }

    @Test
    void theCommandSideNeverUsesTheQuerySide() {
        noClasses().that().resideInAPackage("com.watchparty.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.watchparty.query..", "com.watchparty.app..")
                .check(classes);
    }

    @Test
    void theQuerySideNeverUsesTheCommandSideOrTheRoom() {
        noClasses().that().resideInAPackage("com.watchparty.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.watchparty.command..", "com.watchparty.app..",
                        "com.watchparty.realtime..")
                .check(classes);
    }

    /** The room sends commands and reads queries of the shared API; it never reaches into the command side. */
    @Test
    void theRealTimeRoomNeverUsesTheCommandSideOrTheApp() {
        noClasses().that().resideInAPackage("com.watchparty.realtime..")
                .should().dependOnClassesThat().resideInAnyPackage("com.watchparty.command..", "com.watchparty.app..")
                .check(classes);
    }

    /** The Engine.IO adapter is the transport only: it knows nothing of parties, rooms or people. */
    @Test
    void theTransportKnowsNothingOfTheRoom() {
        noClasses().that().resideInAPackage("com.watchparty.realtime.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("com.watchparty.api..", "com.watchparty.query..",
                        "com.watchparty.realtime.room..", "com.watchparty.realtime.presence..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void theDomainIsFreeOfSpringAndTheWeb() {
        noClasses().that().resideInAnyPackage("com.watchparty.command.party", "com.watchparty.command.catalog",
                        "com.watchparty.command.ticketing", "com.watchparty.command")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void onlyTheAppModuleKnowsHowTheServiceIsSecured() {
        noClasses().that().resideInAnyPackage("com.watchparty.command..", "com.watchparty.query..",
                        "com.watchparty.realtime..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security..")
                .check(classes);
    }
}
