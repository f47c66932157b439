package com.watchparty.realtime;

import com.watchparty.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document describes the namespace as it is: each client event the gateway registers is an operation
 * the service receives, with its ack and the error ack as replies, each server event of {@link SocketEvents} one it
 * sends, and nothing else. An event added to the gateway or to {@link SocketEvents} fails here until it is described.
 */
class AsyncApiDocumentTest {

    private final Map<String, Object> document = load();

    @Test
    void theServiceReceivesExactlyTheClientEventsTheGatewayRegisters() {
        assertThat(messageNames("receive")).containsExactlyInAnyOrderElementsOf(WatchPartySocketGateway.clientEvents());
    }

    @Test
    void theServiceSendsExactlyTheServerEventsOfSocketEvents() {
        assertThat(messageNames("send")).containsExactlyInAnyOrderElementsOf(serverEvents());
    }

    @Test
    void everyClientEventIsAckedWithItsAnswerOrAnError() {
        operations("receive").forEach((id, operation) -> {
            List<Map<String, Object>> replies = list(map(operation.get("reply")).get("messages"));
            assertThat(replies.stream().map(this::resolve).map(message -> (String) message.get("name")))
                    .as("the acks of " + id).contains("ErrorAck").hasSizeGreaterThan(1);
        });
    }

    @Test
    void theNamespaceChannelHoldsOnlyMessagesOfItsOperations() {
        Set<String> inOperations = new TreeSet<>(messageNames("receive"));
        inOperations.addAll(messageNames("send"));

        Map<String, Object> channel = map(map(document.get("channels")).get("watchParty"));
        assertThat(map(channel.get("messages")).values().stream().map(this::resolve)
                .map(message -> (String) message.get("name"))).containsExactlyInAnyOrderElementsOf(inOperations);
    }

    @Test
    void anErrorCarriesOneOfTheServicesErrorCodes() {
        Map<String, Object> error = resolve(Map.of("$ref", "#/components/schemas/Error"));
        List<Object> codes = list(map(map(error.get("properties")).get("code")).get("enum"));

        assertThat(codes).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        refs.forEach(ref -> assertThat(resolve(Map.of("$ref", ref))).as(ref).isNotNull());
    }

    /** The Socket.IO names of the messages of the operations with that action. */
    private List<String> messageNames(String action) {
        return operations(action).values().stream()
                .flatMap(operation -> list(operation.get("messages")).stream())
                .map(this::resolve)
                .map(message -> (String) message.get("name"))
                .toList();
    }

    private Map<String, Map<String, Object>> operations(String action) {
        return map(document.get("operations")).entrySet().stream()
                .filter(e -> action.equals(map(e.getValue()).get("action")))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> map(e.getValue())));
    }

    /** Follows {@code $ref}s ({@code #/a/b/c}) to the object they name. */
    private Map<String, Object> resolve(Object node) {
        Map<String, Object> object = map(node);
        while (object != null && object.get("$ref") instanceof String ref) {
            assertThat(ref).startsWith("#/");
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target == null ? null : map(target).get(part);
            }
            object = map(target);
        }
        return object;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectRefs(item, refs));
        }
    }

    /** The constants of {@link SocketEvents}: every event the server emits, by name. */
    private static List<String> serverEvents() {
        List<String> events = new ArrayList<>();
        for (Field field : SocketEvents.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    events.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object node) {
        return (List<T>) node;
    }

    private static Map<String, Object> load() {
        try (InputStream in = new ClassPathResource(AsyncApiController.DOCUMENT).getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
