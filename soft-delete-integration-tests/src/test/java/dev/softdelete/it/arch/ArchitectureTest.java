package dev.softdelete.it.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering rules of the published modules, checked on their classes (see docs/architecture.md).
 * Each rule fails the build on a violation and names the offending class and dependency.
 */
@AnalyzeClasses(packages = "dev.softdelete", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String INTERNAL = "dev.softdelete.hibernate.internal";

    /**
     * Classes that implement or extend a Hibernate SPI whose own signature names an internal type: they
     * cannot help naming it, so they may, and only that type. Each is listed in docs/architecture.md with
     * the reason it is needed.
     */
    private static final Map<String, Set<String>> SPI_SIGNATURES = Map.of(
            INTERNAL + ".boot.SoftDeleteStateManagement",
            Set.of("org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess"),
            INTERNAL + ".delete.GuardedMutationStrategyProvider",
            Set.of("org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess",
                    "org.hibernate.query.sqm.mutation.internal.SqmMultiTableMutationStrategyProviderStandard"),
            INTERNAL + ".delete.MultiTableDeleteGuard",
            Set.of("org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess",
                    "org.hibernate.query.sqm.internal.DomainParameterXref"),
            INTERNAL + ".delete.SoftDeleteSqmTranslatorFactory",
            Set.of("org.hibernate.query.sqm.internal.DomainParameterXref"),
            INTERNAL + ".delete.SoftDeleteSqmTranslator",
            Set.of("org.hibernate.query.sqm.internal.DomainParameterXref",
                    "org.hibernate.query.sqm.sql.internal.StandardSqmTranslator"),
            INTERNAL + ".read.CollectionSubqueryTranslator",
            Set.of("org.hibernate.query.sqm.internal.DomainParameterXref",
                    "org.hibernate.query.sqm.sql.internal.StandardSqmTranslator"),
            INTERNAL + ".delete.MarkerParameter",
            Set.of("org.hibernate.sql.exec.internal.AbstractJdbcParameter"),
            "dev.softdelete.test.SqlRecorder",
            Set.of("org.hibernate.engine.jdbc.connections.internal.DriverManagerConnectionProviderImpl"));

    /** soft-delete-core is the annotation and the API users code against: Jakarta Persistence at most. */
    @ArchTest
    static final ArchRule coreNeedsOnlyJakartaPersistence = classes().that().resideInAPackage("dev.softdelete")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.softdelete", "java..", "jakarta.persistence..");

    /** The test kit is a client of the library: its public API, never its internals. */
    @ArchTest
    static final ArchRule kitUsesNoInternalOfTheLibrary = noClasses().that().resideInAPackage("dev.softdelete.test..")
            .should().dependOnClassesThat().resideInAPackage(INTERNAL + "..");

    /** The feature packages depend on each other one way only. */
    @ArchTest
    static final ArchRule noCycleBetweenInternalPackages = slices().matching(INTERNAL + ".(*)..")
            .should().beFreeOfCycles();

    /**
     * The package picture: compat and jdbc at the bottom, then the model, the session scopes and the
     * factory's service; the features above them; the session facade and the boot wiring on top.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Api").definedBy("dev.softdelete.hibernate")
            .layer("Boot").definedBy(INTERNAL + ".boot..")
            .layer("Session").definedBy(INTERNAL + ".session..")
            .layer("Features").definedBy(INTERNAL + ".cascade..", INTERNAL + ".delete..", INTERNAL + ".update..",
                    INTERNAL + ".read..", INTERNAL + ".collection..", INTERNAL + ".restore..", INTERNAL + ".erase..",
                    INTERNAL + ".purge..", INTERNAL + ".schema..", INTERNAL + ".impact..", INTERNAL + ".history..",
                    INTERNAL + ".link..")
            .layer("Service").definedBy(INTERNAL + ".service..")
            .layer("Scope").definedBy(INTERNAL + ".scope..")
            .layer("Model").definedBy(INTERNAL + ".model..")
            .layer("Jdbc").definedBy(INTERNAL + ".jdbc..")
            .layer("Compat").definedBy(INTERNAL + ".compat..")
            .whereLayer("Boot").mayNotBeAccessedByAnyLayer()
            .whereLayer("Session").mayOnlyBeAccessedByLayers("Api", "Boot")
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Api", "Boot", "Session")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Api", "Boot", "Session", "Features")
            .whereLayer("Scope").mayOnlyBeAccessedByLayers("Api", "Boot", "Session", "Features", "Service")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Api", "Boot", "Session", "Features", "Service")
            .whereLayer("Jdbc").mayOnlyBeAccessedByLayers("Api", "Boot", "Session", "Features", "Service", "Model");

    /** The bottom of the graph: the Hibernate seam uses no other package of the library. */
    @ArchTest
    static final ArchRule compatIsALeaf = noClasses().that().resideInAPackage(INTERNAL + ".compat..")
            .should().dependOnClassesThat(resideInAPackage(INTERNAL + "..")
                    .and(DescribedPredicate.not(resideInAPackage(INTERNAL + ".compat.."))));

    /** Hibernate internals only in compat, or, type by type, where a Hibernate SPI's signature names them. */
    @ArchTest
    static final ArchRule hibernateInternalsOnlyThroughCompat = classes().that().resideInAPackage("dev.softdelete..")
            .and().resideOutsideOfPackage(INTERNAL + ".compat..")
            .should(new ArchCondition<JavaClass>("use no Hibernate internal, except a type that the signature of"
                    + " a Hibernate SPI they implement names") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    Set<String> allowed = SPI_SIGNATURES.getOrDefault(topLevelName(item), Set.of());
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (isHibernateInternal(target) && !allowed.contains(target.getName())) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** The exceptions above stay exact: each listed class exists and still needs each listed type. */
    @ArchTest
    static void everySignatureExceptionIsStillNeeded(JavaClasses classes) {
        SPI_SIGNATURES.forEach((className, types) -> {
            assertThat(classes.contain(className)).as("%s exists", className).isTrue();
            Set<String> used = new HashSet<>();
            for (JavaClass javaClass : classes) {
                if (topLevelName(javaClass).equals(className)) {
                    javaClass.getDirectDependenciesFromSelf().forEach(d -> used.add(d.getTargetClass().getName()));
                }
            }
            assertThat(used).as("Hibernate internals %s uses", className).containsAll(types);
        });
    }

    private static boolean isHibernateInternal(JavaClass type) {
        String packageName = type.getPackageName();
        return packageName.startsWith("org.hibernate.") && ("." + packageName + ".").contains(".internal.");
    }

    private static String topLevelName(JavaClass type) {
        int nested = type.getName().indexOf('$');
        return nested < 0 ? type.getName() : type.getName().substring(0, nested);
    }

    /** The examples and benchmarks show users how to use the library: its public API only. */
    @Test
    void examplesAndBenchmarksUseNoInternal() throws IOException {
        for (String module : List.of("../soft-delete-examples/src", "../soft-delete-benchmarks/src")) {
            Path root = Path.of(module);
            assertThat(root).as("module sources next to the integration tests").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> read(file).contains(".internal."))
                        .map(Path::toString).toList();
                assertThat(offenders).as("sources of %s naming an .internal. package", module).isEmpty();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
