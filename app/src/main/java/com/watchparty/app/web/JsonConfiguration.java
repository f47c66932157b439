package com.watchparty.app.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The REST JSON of the seed: snake_case fields, lower-case enum values, money as decimal strings ({@code "4.99"}),
 * and unknown fields refused so a typo is a 400 rather than silently ignored. A field given twice is refused too: which
 * of the two would count is anyone's guess (and Jackson cannot bind it to a record at all).
 * <p>
 * Bounded as it is read, before any value reaches a controller: no body of this API nests more than a few levels or
 * has a number of more than a few digits, so deeper nesting, longer numbers and strings longer than a whole body may
 * be are refused by the parser (400) instead of costing memory and stack.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class JsonConfiguration {

    static final int MAX_NESTING_DEPTH = 64;
    /** Digits (with sign, point and exponent) of one number, and of a decimal written out in full. */
    static final int MAX_NUMBER_LENGTH = 64;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer seedJson(RequestLimits limits) {
        return builder -> builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .deserializerByType(BigDecimal.class, new BoundedDecimalDeserializer())
                .postConfigurer(mapper -> {
                    mapper.configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
                    mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(limits.maxBodyBytes())
                            .build());
                });
    }

    /**
     * A short number can still be a huge one: {@code 1e99999999} has a hundred million digits once anything is
     * computed from it. A decimal is refused (400, naming its field) unless written out in full it has at most
     * {@value #MAX_NUMBER_LENGTH} digits before and after the point.
     */
    static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null
                    && (value.scale() > MAX_NUMBER_LENGTH || value.precision() - value.scale() > MAX_NUMBER_LENGTH)) {
                return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value,
                        "a decimal has at most %d digits before and after the point", MAX_NUMBER_LENGTH);
            }
            return value;
        }
    }
}
