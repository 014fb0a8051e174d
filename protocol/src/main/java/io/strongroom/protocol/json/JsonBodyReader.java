package io.strongroom.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as one JSON object, strictly: UTF-8 only, no duplicate member names (two
 * parsers that resolve duplicates differently disagree about what was asked), nothing after the
 * object, nesting and numbers bounded. An empty body is {@code {}}, as the protocol says.
 */
final class JsonBodyReader {
    /** Deeper than any AWS input shape nests; more is an attack on the parser, not a request. */
    static final int MAX_NESTING_DEPTH = 32;
    /** Digits in one number: epoch seconds with a fraction need about 20. */
    static final int MAX_NUMBER_LENGTH = 64;

    // buffers come from a shared pool: every request runs on a new virtual thread, so the default
    // per-thread recycling would allocate them afresh each time
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodyReader() {
    }

    static ObjectNode read(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        String text = utf8(body);
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw JsonErrors.serialization("The request body is nested too deeply or holds a number too long");
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw JsonErrors.serialization("The request body has a member twice in one object" + at(e.getLocation()));
            }
            throw JsonErrors.serialization("The request body is not valid JSON" + at(e.getLocation()));
        }
        if (root == null || root.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode(); // only whitespace
        }
        if (root instanceof ObjectNode object) {
            return object;
        }
        if (root.isArray()) {
            throw JsonErrors.serialization("Start of list found where not expected: the request body must be a JSON object");
        }
        throw JsonErrors.serialization("The request body must be a JSON object");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw JsonErrors.serialization("The request body is not valid UTF-8");
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
