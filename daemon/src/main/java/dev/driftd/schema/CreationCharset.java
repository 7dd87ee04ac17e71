package dev.driftd.schema;

/**
 * The character set settings a MySQL/MariaDB view, trigger, routine or event was created under, as the
 * server stores them with the object: the creating session's {@code character_set_client} and
 * {@code collation_connection}, and (not for views) the database's collation at that time. They are
 * not schema (the same object created from another client stores other values) so they are neither
 * fingerprinted nor compared; the planner re-applies them when it re-creates the object, so that the
 * target's {@code mysqldump} shows the same {@code SET character_set_client} lines as golden's.
 */
public record CreationCharset(String client, String connection, String database) implements JsonWritable {
    public CreationCharset {
        client = Lists.emptyToNull(client);
        connection = Lists.emptyToNull(connection);
        database = Lists.emptyToNull(database);
    }

    /** Null when the server reported neither session setting (nothing to re-apply). */
    public static CreationCharset of(String client, String connection, String database) {
        CreationCharset c = new CreationCharset(client, connection, database);
        return c.client == null && c.connection == null ? null : c;
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("client", client).string("connection", connection).string("database", database);
    }
}
