package dev.driftd.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one mapper every API answer is written with (docs/api.md, Conventions): field names in
 * camelCase as the answer records spell them, fields in record order, and a field without a value
 * written as {@code null} rather than left out, so a client sees the same keys on every answer of a
 * shape (problem answers are the one exception: RFC 9457 members that do not apply are absent).
 */
final class ApiJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ApiJson() {
    }
}
