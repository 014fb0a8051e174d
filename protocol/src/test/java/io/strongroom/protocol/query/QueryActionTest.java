package io.strongroom.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.support.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryActionTest {

    private static ApiRequest post(String body) {
        return Requests.postBody(Requests.FORM, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void findsTheActionInTheQueryStringFirstThenInTheFormBody() {
        assertThat(QueryAction.find(Requests.get("Version=2010-05-08&Action=ListUsers"))).contains("ListUsers");
        assertThat(QueryAction.find(post("Version=2010-05-08&Action=GetUser"))).contains("GetUser");
        ApiRequest both = new ApiRequest("POST", "/", "Action=FromQuery",
                Map.of("Content-Type", List.of(Requests.FORM)), "Action=FromBody".getBytes(StandardCharsets.US_ASCII),
                "127.0.0.1", false, "r", Instant.now());
        assertThat(QueryAction.find(both)).contains("FromQuery");
    }

    @Test
    void findsAnActionAfterALargeBodyAndDecodesItLikeTheReader() {
        String filler = "PolicyDocument=" + "%7B".repeat(100_000);
        assertThat(QueryAction.find(post(filler + "&Action=Create%50olicy"))).contains("CreatePolicy");
        assertThat(QueryAction.find(post("Action=a+b"))).contains("a b");
        assertThat(QueryAction.find(Requests.get("Action=a+b"))).contains("a+b");
    }

    @Test
    void isEmptyWhenAbsentTooLongMisencodedOrNotInAForm() {
        assertThat(QueryAction.find(Requests.get("NotAction=ListUsers&XAction=ListUsers"))).isEmpty();
        assertThat(QueryAction.find(post("Action=" + "A".repeat(129)))).isEmpty();
        assertThat(QueryAction.find(post("Action=" + "%41".repeat(129)))).isEmpty();
        assertThat(QueryAction.find(post("Action=" + "A".repeat(128)))).contains("A".repeat(128));
        assertThat(QueryAction.find(post("Action=%zz"))).isEmpty();
        assertThat(QueryAction.find(Requests.postBody("application/json", "Action=ListUsers".getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
        assertThat(QueryAction.find(new ApiRequest("GET", "/", "", Map.of(), "Action=ListUsers".getBytes(StandardCharsets.US_ASCII),
                "127.0.0.1", false, "r", Instant.now()))).isEmpty();
    }

    @Test
    void theReaderCapsParametersAcrossQueryStringAndBody() {
        ApiRequest request = new ApiRequest("POST", "/", "q=1&".repeat(600),
                Map.of("Content-Type", List.of(Requests.FORM)), "b=1&".repeat(401).getBytes(StandardCharsets.US_ASCII),
                "127.0.0.1", false, "r", Instant.now());
        assertThatThrownBy(() -> QueryRequestReader.read(request))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidQueryParameter");
                    assertThat(e.getMessage()).endsWith("more than 1000 parameters");
                });
    }
}
