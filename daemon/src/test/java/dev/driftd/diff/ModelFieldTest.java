package dev.driftd.diff;

import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.Scope;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFieldTest {
    @Test
    void everyFlagNamesAComponentOfEachOwnerExceptTheColumnOrderTheDifferReports() throws Exception {
        List<ModelField> flags = new ArrayList<>();
        for (Field f : ModelField.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ModelField.class) {
                flags.add((ModelField) f.get(null));
            }
        }
        assertThat(flags).hasSizeGreaterThan(30);
        for (ModelField flag : flags) {
            assertThat(flag.owners()).as(flag.name()).isNotEmpty();
            if (flag == ModelField.COLUMN_ORDER) {
                continue;
            }
            for (Class<? extends SchemaObject> owner : flag.owners()) {
                assertThat(Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName))
                        .as(owner.getSimpleName()).contains(flag.name());
            }
        }
    }

    @Test
    void aFlagForAComponentTheRecordDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> ModelField.of("typeName", Column.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Column has no component typeName");
    }

    @Test
    void theCommentFlagBelongsToEveryRecordWithAComment() {
        assertThat(ModelField.COMMENT.owners()).contains(Table.class, Column.class).hasSizeGreaterThan(10);
    }

    @Test
    void aChangeAnswersForTheFieldsTheDifferReported() {
        Column before = Column.of("public", "t", "a", 1, "integer");
        Column after = new Column("public", "t", "a", 1, "bigint", true, null, null, null, null, null, null,
                false, null, false, "the id");
        Change c = Differ.compare(snapshot(Table.plain("public", "t"), after),
                snapshot(Table.plain("public", "t"), before)).changes().get(0);
        assertThat(c.changes(ModelField.COLUMN_TYPE)).isTrue();
        assertThat(c.changes(ModelField.COMMENT)).isTrue();
        assertThat(c.changes(ModelField.COLUMN_NULLABLE)).isFalse();
        assertThat(c.changesOnly(ModelField.COLUMN_TYPE, ModelField.COMMENT)).isTrue();
        assertThat(c.changesOnly(ModelField.COLUMN_TYPE)).isFalse();
    }

    @Test
    void askingAChangeAboutAnotherRecordsFieldIsAPlannerBug() {
        Column before = Column.of("public", "t", "a", 1, "integer");
        Column after = Column.of("public", "t", "a", 1, "bigint");
        Change c = Differ.compare(snapshot(Table.plain("public", "t"), after),
                snapshot(Table.plain("public", "t"), before)).changes().get(0);
        assertThatThrownBy(() -> c.changes(ModelField.DOMAIN_COLLATION)).isInstanceOf(AssertionError.class);
    }

    private static Snapshot snapshot(SchemaObject... objects) {
        return new Snapshot(Flavor.POSTGRES, "test", Scope.database("db", List.of("public")), List.of(objects), Set.of());
    }
}
