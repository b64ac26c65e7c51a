package dev.stride.db;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.descriptors.RelationalDescriptor;
import org.eclipse.persistence.descriptors.VersionLockingPolicy;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.jpa.metadata.listeners.EntityClassListener;
import org.eclipse.persistence.internal.jpa.metadata.listeners.EntityListener;
import org.eclipse.persistence.jpa.metadata.ProjectCache;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;

/**
 * Stride's mappings as EclipseLink descriptors, stated in code: the descriptors EclipseLink's
 * metadata processing works out from the entities' annotations ({@code @Entity}, {@code @Column},
 * {@code @Version}, {@code @PrePersist}...), handed to it as its project cache ({@link #CACHE}), so
 * that a cold start does not work them out again: that processing (reading each entity's class
 * file with ASM, its accessors and metadata classes) was a quarter of a cold start's main thread
 * (docs/performance.md).
 *
 * <p>The annotations stay the source. {@code persistence.xml}, the static weaver and
 * {@link Database#openFromAnnotations} read them, and {@code MappedProjectTest} deploys the unit
 * both ways and compares every descriptor, field and callback: change an entity's mapping, and that
 * test fails with the difference until this says the same. What is here is what that comparison
 * found: the table, the identity key, the version, each column's name, type, length and
 * constraints, and the entity callbacks; everything else (change tracking, the woven accessors,
 * isolation from the shared cache, the CMP policy) EclipseLink derives the same way for both at
 * deploy. The mappings are columns only (no relations: {@code EntityMappingsTest}).
 *
 * <p>The entity classes are named, not imported: the persistence layer does not import the
 * features' packages (as in {@link PersistenceUnit}).
 */
final class MappedProject extends Project {

    /** Hands EclipseLink a new {@link MappedProject} for every unit it deploys; stores nothing. */
    static final ProjectCache CACHE = new Cache();

    private static final String MOOD = "dev.stride.moods.Mood";
    private static final String RUN = "dev.stride.runs.Run";
    private static final String TAG = "dev.stride.runs.Tag";
    private static final String USER = "dev.stride.users.User";
    private static final String TIMESTAMPED = "dev.stride.db.Timestamped";
    private static final String USER_OWNED = "dev.stride.users.UserOwned";

    private static final String STRING = "java.lang.String";
    private static final String LONG = "java.lang.Long";
    private static final String INTEGER = "java.lang.Integer";
    private static final String SHORT = "java.lang.Short";
    private static final String DOUBLE = "java.lang.Double";
    private static final String LOCAL_DATE = "java.time.LocalDate";
    private static final String INSTANT = "java.time.Instant";

    private static final boolean NULLABLE = true;
    private static final boolean REQUIRED = false;

    private MappedProject(ClassLoader loader) {
        DatabaseLogin login = new DatabaseLogin();
        login.usePlatform(new PostgreSQLPlatform());
        // JPA's default (eclipselink.jpa.uppercase-column-names): a native query's columns, which
        // PostgreSQL names in lower case, match the mapped fields whatever their case.
        login.setShouldForceFieldNamesToUpperCase(true);
        setDatasourceLogin(login);

        Entity mood = timestamped(MOOD, "Mood", "moods", loader).ownedByAUser();
        mood.column("description", "DESCRIPTION", STRING, 100, REQUIRED);
        mood.column("date", "mood_date", LOCAL_DATE, 0, REQUIRED);
        mood.column("energy", "ENERGY", SHORT, 0, NULLABLE);
        mood.column("stress", "STRESS", SHORT, 0, NULLABLE);
        mood.column("positivity", "POSITIVITY", SHORT, 0, NULLABLE);
        mood.column("calmness", "CALMNESS", SHORT, 0, NULLABLE);
        mood.column("motivation", "MOTIVATION", SHORT, 0, NULLABLE);
        mood.column("note", "NOTE", STRING, 2000, NULLABLE);

        Entity run = timestamped(RUN, "Run", "runs", loader).ownedByAUser();
        run.column("distance", "DISTANCE", DOUBLE, 0, REQUIRED);
        run.column("unit", "UNIT", STRING, 2, REQUIRED);
        run.column("distanceKm", "distance_km", DOUBLE, 0, REQUIRED);
        run.column("date", "run_date", LOCAL_DATE, 0, REQUIRED);
        run.column("durationSeconds", "duration_seconds", INTEGER, 0, NULLABLE);
        run.column("mood", "MOOD", STRING, 50, NULLABLE);
        run.column("title", "TITLE", STRING, 100, NULLABLE);
        run.column("notes", "NOTES", STRING, 2000, NULLABLE);

        Entity tag = new Entity(TAG, "Tag", "tags").identity();
        tag.column("name", "NAME", STRING, 30, REQUIRED).setUnique(true);

        Entity user = timestamped(USER, "User", "users", loader).identity();
        user.column("ownerSub", "owner_sub", STRING, 0, REQUIRED).setUpdatable(false);
        user.column("username", "USERNAME", STRING, 80, REQUIRED);
        user.column("email", "EMAIL", STRING, 120, REQUIRED);

        for (Entity entity : List.of(mood, run, tag, user)) {
            addDescriptor(entity.descriptor);
        }
        // The mapped superclasses, for the JPA metamodel (what it lists as MappedSuperclassType).
        mappedSuperclass(TIMESTAMPED, loader, Map.of("version", "long", "createdAt", INSTANT, "updatedAt", INSTANT));
        mappedSuperclass(USER_OWNED, loader, Map.of("id", LONG, "userId", LONG));
        // No class names for weaving: with static weaving, EclipseLink would read each of these
        // classes' bytes with ASM here only to fit lazy relations to their woven value holders,
        // and Stride maps none (EntityMappingsTest). The descriptors come out the same
        // (MappedProjectTest); the woven accessors and change tracking are found at deploy.
        setClassNamesForWeaving(new ArrayList<>());
    }

    /**
     * An entity under {@link Timestamped}: its version (optimistic locking), created_at (never
     * updated) and updated_at, and the callbacks that set them ({@code @PrePersist},
     * {@code @PreUpdate}).
     */
    private static Entity timestamped(String className, String alias, String table, ClassLoader loader) {
        Entity entity = new Entity(className, alias, table);
        DatabaseField version = entity.column("version", "version", "long", 0, REQUIRED);
        VersionLockingPolicy locking = new VersionLockingPolicy(version);
        locking.storeInObject();
        entity.descriptor.setOptimisticLockingPolicy(locking);
        entity.column("createdAt", "created_at", INSTANT, 0, REQUIRED).setUpdatable(false);
        entity.column("updatedAt", "updated_at", INSTANT, 0, REQUIRED);

        EntityClassListener<?> callbacks = new EntityClassListener<>(load(className, loader));
        callbacks.addEventMethod(EntityListener.PRE_PERSIST, callback("onCreate"));
        callbacks.addEventMethod(EntityListener.PRE_UPDATE_WITH_CHANGES, callback("onUpdate"));
        entity.descriptor.getEventManager().setEntityEventListener(callbacks);
        return entity;
    }

    private void mappedSuperclass(String className, ClassLoader loader, Map<String, String> attributes) {
        RelationalDescriptor descriptor = new RelationalDescriptor();
        descriptor.setJavaClass(load(className, loader));
        attributes.forEach((attribute, type) -> {
            DirectToFieldMapping mapping = new DirectToFieldMapping();
            mapping.setAttributeName(attribute);
            mapping.setAttributeClassificationName(type);
            descriptor.addMapping(mapping);
        });
        addMappedSuperclass(className, descriptor, false);
    }

    private static Method callback(String name) {
        try {
            Method method = Timestamped.class.getDeclaredMethod(name);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Timestamped lost its callback " + name, e);
        }
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an entity of the persistence unit is missing: " + className, e);
        }
    }

    /** One entity's descriptor, being built. */
    private static final class Entity {
        final RelationalDescriptor descriptor = new RelationalDescriptor();
        private final String table;

        Entity(String className, String alias, String table) {
            this.table = table;
            descriptor.setJavaClassName(className);
            descriptor.setAlias(alias);
            descriptor.addTableName(table);
            descriptor.getQueryManager().checkDatabaseForDoesExist();
        }

        /** The id, from an identity column ({@code @GeneratedValue(strategy = IDENTITY)}). */
        Entity identity() {
            DatabaseField id = column("id", "ID", LONG, 0, NULLABLE);
            descriptor.addPrimaryKeyField(id);
            descriptor.setSequenceNumberField(id);
            descriptor.setSequenceNumberName("SEQ_GEN_IDENTITY");
            return this;
        }

        /** {@link dev.stride.users.UserOwned}: the identity id and the owner's id, never updated. */
        Entity ownedByAUser() {
            identity();
            column("userId", "user_id", LONG, 0, REQUIRED).setUpdatable(false);
            return this;
        }

        DatabaseField column(String attribute, String column, String type, int length, boolean nullable) {
            DatabaseField field = new DatabaseField(column, table);
            field.useUpperCaseForComparisons(true);
            field.setTypeName(type);
            field.setLength(length);
            field.setNullable(nullable);
            DirectToFieldMapping mapping = new DirectToFieldMapping();
            mapping.setAttributeName(attribute);
            mapping.setField(field);
            descriptor.addMapping(mapping);
            return field;
        }
    }

    private static final class Cache implements ProjectCache {
        @Override
        @SuppressWarnings("rawtypes")
        public Project retrieveProject(Map properties, ClassLoader loader, SessionLog log) {
            return new MappedProject(loader);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void storeProject(Project project, Map properties, SessionLog log) {
            // Nothing to store: the project is built in code.
        }
    }
}
