package dev.stride.functions.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.db.Database;
import dev.stride.db.LoginDataSource;
import dev.stride.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;

/**
 * {@code MappedProject} (shared/db) states Stride's mappings in code so that a cold start does not
 * work them out from the annotations again; the annotations stay the source. This deploys the unit
 * both ways and compares what EclipseLink runs on: the login's and project's settings, every
 * descriptor (table, key, identity, version, change tracking, cache, callbacks, woven accessors),
 * every field (name, type, length, constraints, case) and the JPA metamodel. When they differ, both
 * are written to {@code functions/target/} for a diff: change {@code MappedProject} to match.
 */
class MappedProjectTest {

    @Test
    void open_whenDeployed_thenItsMappingsComeFromMappedProject() {
        try (Database mapped = Database.open(LoginDataSource.of(TestDatabase.settings()), 1);
             Database fromAnnotations = Database.openFromAnnotations(LoginDataSource.of(TestDatabase.settings()), 1)) {
            assertThat(JpaHelper.getServerSession(mapped.entityManagerFactory()).getProject().getClass().getName())
                    .isEqualTo("dev.stride.db.MappedProject");
            assertThat(JpaHelper.getServerSession(fromAnnotations.entityManagerFactory()).getProject().getClass().getName())
                    .isNotEqualTo("dev.stride.db.MappedProject");
        }
    }

    @Test
    void mappedProject_whenDeployed_thenTheSameAsTheAnnotationsMapping() {
        try (Database fromAnnotations = Database.openFromAnnotations(LoginDataSource.of(TestDatabase.settings()), 1);
             Database mapped = Database.open(LoginDataSource.of(TestDatabase.settings()), 1)) {
            String expected = fingerprint(JpaHelper.getServerSession(fromAnnotations.entityManagerFactory()))
                    + metamodel(fromAnnotations.entityManagerFactory().getMetamodel());
            String actual = fingerprint(JpaHelper.getServerSession(mapped.entityManagerFactory()))
                    + metamodel(mapped.entityManagerFactory().getMetamodel());
            if (!actual.equals(expected)) {
                write("target/mapped-project-from-annotations.txt", expected);
                write("target/mapped-project.txt", actual);
            }
            assertThat(actual).as("shared/src/main/java/dev/stride/db/MappedProject.java against the entities' annotations"
                    + " (both written to functions/target/mapped-project*.txt: change MappedProject to match)").isEqualTo(expected);
        }
    }

    private static void write(String path, String text) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(path), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String fingerprint(Session session) {
        StringBuilder out = new StringBuilder();
        var login = (org.eclipse.persistence.sessions.DatabaseLogin) session.getDatasourceLogin();
        var platform = login.getPlatform();
        out.append("login upperCaseFieldNames=").append(login.shouldForceFieldNamesToUpperCase())
                .append(" platform=").append(platform.getClass().getName())
                .append(" bindAll=").append(login.shouldBindAllParameters())
                .append(" cacheStatements=").append(login.shouldCacheAllStatements())
                .append(" nativeSql=").append(login.shouldUseNativeSQL())
                .append(" batchWriting=").append(login.shouldUseBatchWriting())
                .append(" defaultSequence=").append(platform.getDefaultSequence().getClass().getSimpleName())
                .append(" sequences=").append(new TreeMap<>(platform.getSequences() == null ? Map.of() : platform.getSequences()).keySet())
                .append(" tableQualifier=").append(login.getTableQualifier())
                .append('\n');
        var project = session.getProject();
        out.append("project nativeQueries=").append(project.allowNativeSQLQueries())
                .append(" temporalMutable=").append(project.getDefaultTemporalMutable())
                .append(" idValidation=").append(project.getDefaultIdValidation())
                .append(" cacheIsolation=").append(project.getDefaultCacheIsolation())
                .append(" extendedCacheKeys=").append(project.allowExtendedCacheLogging())
                .append(" optimisticLocking=").append(project.usesOptimisticLocking())
                .append(" sequencing=").append(project.usesSequencing())
                .append(" mappedSuperclasses=").append(new TreeMap<>(project.getMappedSuperclassDescriptors()).keySet())
                .append('\n');
        List<ClassDescriptor> descriptors = new ArrayList<>(session.getDescriptors().values());
        descriptors.sort(Comparator.comparing(ClassDescriptor::getJavaClassName));
        for (ClassDescriptor d : descriptors) {
            out.append("descriptor ").append(d.getJavaClassName()).append(" alias=").append(d.getAlias())
                    .append(" class=").append(d.getClass().getSimpleName())
                    .append(" tables=").append(d.getTableNames())
                    .append(" pk=").append(fields(d.getPrimaryKeyFields()))
                    .append(" seq=").append(d.getSequenceNumberName()).append('/').append(field(d.getSequenceNumberField()))
                    .append(" locking=").append(d.getOptimisticLockingPolicy() == null ? null : d.getOptimisticLockingPolicy().getClass().getSimpleName()
                            + ":" + field(d.getOptimisticLockingPolicy().getWriteLockField()))
                    .append(" changeTracking=").append(d.getObjectChangePolicy().getClass().getSimpleName())
                    .append(" cmp=").append(d.getCMPPolicy() == null ? null : d.getCMPPolicy().getClass().getSimpleName())
                    .append(" isolation=").append(d.getCachePolicy().getCacheIsolation())
                    .append(" identityMap=").append(d.getIdentityMapClass().getSimpleName()).append('/').append(d.getIdentityMapSize())
                    .append(" instantiation=").append(d.getInstantiationPolicy().getClass().getSimpleName())
                    .append(" doesExist=").append(d.getQueryManager().getDoesExistQuery().getExistencePolicy())
                    .append(" events=").append(events(d))
                    .append(" weaving=").append(d.supportsChangeTracking(null)).append('/').append(d.getObjectBuilder().getClass().getSimpleName())
                    .append('\n');
            List<DatabaseMapping> mappings = new ArrayList<>(d.getMappings());
            mappings.sort(Comparator.comparing(DatabaseMapping::getAttributeName));
            for (DatabaseMapping m : mappings) {
                out.append("  ").append(m.getAttributeName()).append(' ').append(m.getClass().getSimpleName())
                        .append(" field=").append(field(m.getField()))
                        .append(" accessor=").append(m.getAttributeAccessor().getClass().getSimpleName())
                        .append(" attributeClass=").append(m.getAttributeClassification() == null ? null : m.getAttributeClassification().getName())
                        .append(" readOnly=").append(m.isReadOnly())
                        .append(" converter=").append(m.isDirectToFieldMapping() && ((org.eclipse.persistence.mappings.foundation.AbstractDirectMapping) m).getConverter() != null
                                ? ((org.eclipse.persistence.mappings.foundation.AbstractDirectMapping) m).getConverter().getClass().getSimpleName() : null)
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The JPA metamodel: every managed type, its kind, and its attributes with their Java types. */
    private static String metamodel(jakarta.persistence.metamodel.Metamodel metamodel) {
        return metamodel.getManagedTypes().stream()
                .map(type -> type.getPersistenceType() + " " + type.getJavaType().getName() + " "
                        + type.getAttributes().stream().map(a -> a.getName() + ":" + a.getJavaType().getName()
                                + ":" + a.getPersistentAttributeType()).sorted().toList())
                .sorted().collect(java.util.stream.Collectors.joining("\n", "metamodel\n", "\n"));
    }

    private static String events(ClassDescriptor d) {
        if (!d.hasEventManager()) {
            return "none";
        }
        Map<String, Object> found = new TreeMap<>();
        var manager = d.getEventManager();
        found.put("entityListener", manager.getEntityEventListener() == null ? null : describe(manager.getEntityEventListener()));
        found.put("entityListeners", manager.getEntityListenerEventListeners().stream().map(MappedProjectTest::describe).toList());
        found.put("listeners", manager.getEventListeners().stream().map(l -> l.getClass().getName()).toList());
        found.put("defaults", manager.getDefaultEventListeners().size());
        found.put("excludeSuper", manager.excludeSuperclassListeners());
        return found.toString();
    }

    private static String describe(Object listener) {
        if (listener instanceof org.eclipse.persistence.internal.jpa.metadata.listeners.EntityListener<?> l) {
            return l.getClass().getSimpleName() + new TreeMap<>(l.getAllEventMethods());
        }
        return listener.getClass().getName();
    }

    private static String fields(List<DatabaseField> fields) {
        return fields.stream().map(MappedProjectTest::field).toList().toString();
    }

    private static String field(DatabaseField f) {
        if (f == null) {
            return null;
        }
        return f.getQualifiedName() + "{type=" + (f.getType() == null ? null : f.getType().getName()) + ",typeName=" + f.getTypeName()
                + ",length=" + f.getLength() + ",nullable=" + f.isNullable() + ",updatable=" + f.isUpdatable()
                + ",insertable=" + f.isInsertable() + ",unique=" + f.isUnique() + ",scale=" + f.getScale()
                + ",precision=" + f.getPrecision() + ",definition=" + f.getColumnDefinition() + ",primaryKey=" + f.isPrimaryKey()
                + ",upperCaseComparisons=" + f.getUseUpperCaseForComparisons() + ",delimited=" + f.shouldUseDelimiters() + "}";
    }
}
