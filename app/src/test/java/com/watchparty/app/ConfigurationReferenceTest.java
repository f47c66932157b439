package com.watchparty.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code watchparty.*} settings have one definition each: a {@code @ConfigurationProperties} record (its metadata
 * generated at build time, what IDEs complete), one default in {@code application.yml}, and one row in the README's
 * configuration table. A setting added, renamed or removed in one place and not in the others fails here.
 */
class ConfigurationReferenceTest {

    private static final String PREFIX = "watchparty.";
    /** A property name, or the last part of one written after a slash in the same cell ({@code hold-time / min-hold-time}). */
    private static final Pattern NAME = Pattern.compile("`([a-z0-9.-]+)`");

    @Test
    void theReadmeTableNamesEverySettingAndNoOther() throws IOException {
        Set<String> declared = metadata().keySet();
        Set<String> documented = readmeTable();

        assertThat(declared).as("settings declared by a @ConfigurationProperties record").isNotEmpty();
        assertThat(difference(declared, documented)).as("settings missing from the README's configuration table")
                .isEmpty();
        assertThat(difference(documented, declared)).as("README rows for settings no record declares").isEmpty();
    }

    /** One default, in application.yml: none in the record (the metadata would carry it), none missing. */
    @Test
    void everySettingHasItsDefaultInApplicationYmlAndNowhereElse() throws IOException {
        Map<String, JsonNode> declared = metadata();
        Set<String> inYaml = applicationYml();

        assertThat(difference(declared.keySet(), inYaml)).as("settings without a default in application.yml").isEmpty();
        assertThat(difference(inYaml, declared.keySet())).as("application.yml keys no record declares").isEmpty();
        assertThat(declared.entrySet().stream().filter(e -> e.getValue().has("defaultValue")).map(Map.Entry::getKey))
                .as("settings with a default in code as well (a @DefaultValue, or a primitive's 0)").isEmpty();
        assertThat(declared.entrySet().stream().filter(e -> !e.getValue().hasNonNull("description"))
                .map(Map.Entry::getKey)).as("settings without a description (Javadoc @param of the record)").isEmpty();
    }

    /** Every module's generated metadata on the classpath, the watchparty.* properties of it by name. */
    private static Map<String, JsonNode> metadata() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        List<URL> files = Collections.list(ConfigurationReferenceTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith(PREFIX)) {
                        properties.put(name, property);
                    }
                }
            }
        }
        return properties;
    }

    /** The property names in the first cell of each row of the README's "Configuration" table. */
    private static Set<String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("\n## Configuration\n");
        assertThat(section).as("the README's Configuration section").isNotNegative();
        int end = readme.indexOf("\n## ", section + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(section, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            String parent = null;
            Matcher name = NAME.matcher(firstCell);
            while (name.find()) {
                String written = name.group(1);
                if (written.startsWith(PREFIX)) {
                    names.add(written);
                    parent = written.substring(0, written.lastIndexOf('.') + 1);
                } else if (parent != null && !written.contains(".")) {
                    names.add(parent + written);
                }
            }
        }
        return names;
    }

    private static Set<String> applicationYml() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (var source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (key.startsWith(PREFIX)) {
                    keys.add(key.replaceAll("\\[\\d+]$", "")); // a list's items: the list
                }
            }
        }
        return keys;
    }

    private static List<String> difference(Set<String> of, Set<String> without) {
        List<String> missing = new ArrayList<>(of);
        missing.removeAll(without);
        return missing;
    }
}
