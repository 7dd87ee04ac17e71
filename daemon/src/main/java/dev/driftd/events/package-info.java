/**
 * DDL events reported by the JDBC proxy (POST /api/v1/events/ddl), as pure logic for the HTTP
 * layer and the sweep to wire together:
 * <ol>
 *   <li>{@link dev.driftd.events.DdlEventParser#parse(byte[])} validates the body (a
 *       {@link dev.driftd.events.InvalidDdlEventException} message is the 400 answer's detail);</li>
 *   <li>{@link dev.driftd.events.DdlEventMatcher} (built from every member's URL and schema, rebuilt
 *       on reload and after discovery) names the members the statement touched;</li>
 *   <li>for each, the caller counts it ({@code FleetEvents.ddlReported}) and hands the member to a
 *       {@link dev.driftd.events.Debouncer}, whose action asks for a snapshot of that member, so a
 *       migration's burst of statements costs one or two snapshots.</li>
 * </ol>
 * The body's shape is documented in docs/proxy.md ("Events"); the proxy's ProxyEventTest and
 * this package's DdlEventParserTest pin the same sample.
 */
package dev.driftd.events;
