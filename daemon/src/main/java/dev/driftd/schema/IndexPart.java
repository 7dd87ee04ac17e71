package dev.driftd.schema;

/**
 * One key part of an index: a column or an expression, with its order ({@code ASC}/{@code DESC}),
 * explicit nulls order ({@code FIRST}/{@code LAST}, null when the default for the order), operator
 * class and collation when not the default, and a MySQL prefix length.
 */
public record IndexPart(String column, String expression, String order, String nulls, String opclass,
                        String collation, Integer prefixLength) implements JsonWritable {
    public IndexPart {
        order = order == null ? "ASC" : order;
        nulls = Lists.emptyToNull(nulls);
        opclass = Lists.emptyToNull(opclass);
        collation = Lists.emptyToNull(collation);
    }

    public static IndexPart column(String column) {
        return new IndexPart(column, null, "ASC", null, null, null, null);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("collation", collation).string("column", column).string("expression", expression).string("nulls", nulls)
                .string("opclass", opclass).string("order", order).number("prefixLength", prefixLength);
    }
}
