package dev.stride.db;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Stride's persistence unit, handed to EclipseLink directly (the container bootstrap,
 * {@code createContainerEntityManagerFactory}) rather than found by {@code Persistence}: that path
 * searches every jar on the classpath for {@code META-INF/persistence.xml} and parses it, which was
 * a fifth of a cold start. {@code META-INF/persistence.xml} stays, for the build-time weaver and
 * tools; {@code PersistenceUnitTest} keeps the two saying the same.
 */
final class PersistenceUnit implements PersistenceUnitInfo {

    static final String NAME = "stride";
    static final String PROVIDER = "org.eclipse.persistence.jpa.PersistenceProvider";

    // By name: the persistence layer does not import the features' packages (no package cycles).
    static final List<String> ENTITIES = List.of("dev.stride.db.Timestamped", "dev.stride.users.UserOwned",
            "dev.stride.users.User", "dev.stride.runs.Run", "dev.stride.runs.Tag", "dev.stride.moods.Mood");

    /** The unit's properties; persistence.xml says why each is set. */
    static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("eclipselink.target-database", "PostgreSQL"),
            Map.entry("eclipselink.weaving", "static"),
            Map.entry("eclipselink.ddl-generation", "none"),
            Map.entry("eclipselink.cache.shared.default", "false"),
            Map.entry("eclipselink.jdbc.exclusive-connection.mode", "Always"),
            Map.entry("eclipselink.jdbc.exclusive-connection.is-lazy", "false"),
            Map.entry("eclipselink.deploy-on-startup", "true"),
            Map.entry("eclipselink.logging.logger", "JavaLogger"),
            Map.entry("eclipselink.logging.level", "WARNING"),
            Map.entry("eclipselink.logging.level.sql", "WARNING"),
            Map.entry("eclipselink.logging.parameters", "false"));

    private final DataSource dataSource;

    PersistenceUnit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return PROVIDER;
    }

    @Override
    public String getScopeAnnotationName() {
        return null;
    }

    @Override
    public List<String> getQualifierAnnotationNames() {
        return List.of();
    }

    @Override
    @SuppressWarnings("deprecation")
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        // Where the unit's classes are; with excludeUnlistedClasses nothing there is searched.
        return PersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.UNSPECIFIED;
    }

    @Override
    public ValidationMode getValidationMode() {
        // The entities carry no Bean Validation constraints (request records do, checked at the
        // edge), so EclipseLink need not look for a validator at deploy.
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        Properties properties = new Properties();
        properties.putAll(PROPERTIES);
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.2";
    }

    @Override
    public ClassLoader getClassLoader() {
        return PersistenceUnit.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Woven at build time: nothing to transform at run time.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
    }
}
