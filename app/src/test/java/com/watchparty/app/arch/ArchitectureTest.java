package com.watchparty.app.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module boundaries of the design: shared messages, two sides that never reach into each other, and the
 * real-time room beside them, which talks to both only through the shared API's commands and queries.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /**
     * The domain: every package of the command side but its adapters (REST controllers in {@code ..web..}, Spring
     * wiring in {@code ..config..}, implementations of its ports in {@code ..infra..}), so a package added to the
     * domain is checked without being named here.
     */
    private static final String[] ADAPTERS = {"..web..", "..config..", "..infra.."};

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
                .and().resideOutsideOfPackage("com.watchparty.api.batch..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.watchparty.api..",
                        "org.axonframework.modelling.command", "org.axonframework.serialization")
                        .or(belongToAnyOf(CommandExecutionException.class, QueryExecutionException.class)))
                .check(classes);
    }

    /** How every adapter sends a crowd's commands to one party: the messages, and Axon's command gateway. */
    @Test
    void theSharedBatchSenderNeedsOnlyTheCommandGateway() {
        classes().that().resideInAPackage("com.watchparty.api.batch..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.watchparty.api..",
                        "org.axonframework.commandhandling.gateway"))
                .check(classes);
    }

    @Test
    void theCommandSideNeverUsesTheQuerySideTheRoomOrTheApp() {
        noClasses().that().resideInAPackage("com.watchparty.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.watchparty.query..",
                        "com.watchparty.realtime..", "com.watchparty.app..")
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

    /**
     * The Engine.IO adapter is the transport only: it knows nothing of parties, rooms or people, so nothing of this
     * project outside itself (a package added to the room later included) and nothing of Axon.
     */
    @Test
    void theTransportKnowsNothingOfTheRoom() {
        noClasses().that().resideInAPackage("com.watchparty.realtime.transport..")
                .should().dependOnClassesThat(resideInAnyPackage("com.watchparty..", "org.axonframework..")
                        .and(not(resideInAPackage("com.watchparty.realtime.transport.."))))
                .check(classes);
    }

    /** Every aggregate lives in the domain, so what the domain rules say holds for every aggregate. */
    @Test
    void theAggregatesLiveInTheDomain() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should().resideInAPackage("com.watchparty.command..")
                .andShould().resideOutsideOfPackages(ADAPTERS)
                .check(classes);
    }

    /**
     * No Spring in the domain: the aggregates and their rules use no {@code org.springframework} type. (They are
     * Axon aggregates, and {@code @Aggregate} is Axon's annotation for them, from its Spring module.) No servlet and
     * no JSON either: requests and their parsing stay in the web adapters.
     */
    @Test
    void theDomainDependsOnNoSpringNoServletAndNoJson() {
        noClasses().that().resideInAPackage("com.watchparty.command..").and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    /** The domain declares its ports (e.g. {@code MovieCatalog}); the adapters implement and call them, never back. */
    @Test
    void theDomainNeverUsesItsAdapters() {
        noClasses().that().resideInAPackage("com.watchparty.command..").and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
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
