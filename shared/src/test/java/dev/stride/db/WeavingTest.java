package dev.stride.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.moods.Mood;
import dev.stride.runs.Run;
import dev.stride.runs.Tag;
import dev.stride.users.User;
import org.eclipse.persistence.internal.weaving.PersistenceWeaved;
import org.junit.jupiter.api.Test;

/** persistence.xml says the entities are woven at build time: make sure the build did it. */
class WeavingTest {

    @Test
    void entities_whenBuilt_thenStaticallyWoven() {
        for (Class<?> entity : new Class<?>[] {User.class, Run.class, Tag.class, Mood.class}) {
            assertThat(PersistenceWeaved.class).as(entity.getSimpleName()).isAssignableFrom(entity);
        }
    }
}
