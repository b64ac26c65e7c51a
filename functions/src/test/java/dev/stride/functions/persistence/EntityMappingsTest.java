package dev.stride.functions.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.db.Database;
import dev.stride.testkit.TestDatabase;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.junit.jupiter.api.Test;

/**
 * The persistence unit maps columns, not relations (docs/design.md, "Columns, not relations"):
 * every read is one statement that joins what it needs, so a relation would never be navigated,
 * and each one mapped is work EclipseLink's deploy does at every cold start.
 */
class EntityMappingsTest {

    @Test
    void persistenceUnit_whenDeployed_thenEveryMappingIsAColumnOfItsOwnTable() {
        try (Database database = Database.open(TestDatabase.settings())) {
            var descriptors = JpaHelper.getServerSession(database.entityManagerFactory()).getDescriptors().values();

            assertThat(descriptors).extracting(ClassDescriptor::getJavaClassName).contains("dev.stride.runs.Run",
                    "dev.stride.moods.Mood", "dev.stride.users.User", "dev.stride.runs.Tag");
            for (ClassDescriptor descriptor : descriptors) {
                assertThat(descriptor.getMappings()).as(descriptor.getJavaClassName()).isNotEmpty()
                        .allSatisfy(mapping -> assertThat(mapping.isDirectToFieldMapping())
                                .as("%s.%s", descriptor.getJavaClassName(), mapping.getAttributeName()).isTrue());
            }
        }
    }
}
