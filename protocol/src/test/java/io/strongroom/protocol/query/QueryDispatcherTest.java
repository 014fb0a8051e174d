package io.strongroom.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.Requests;
import io.strongroom.protocol.support.Xml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class QueryDispatcherTest {
    private static final QueryService SERVICE =
            new QueryService("2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/", "ServiceFailure");

    private final List<String> executed = new ArrayList<>();
    private final QueryDispatcher dispatcher = new QueryDispatcher(SERVICE, new OperationTable()
            .add("GetUser", (p, call) -> {
                executed.add("GetUser");
                String name = p.requiredString("UserName");
                int max = p.integer("MaxItems").orElse(100);
                return QueryResult.of(xml -> xml.start("User").element("UserName", name).element("Max", max).end());
            })
            .add("DeleteUser", (p, call) -> {
                executed.add("DeleteUser");
                return QueryResult.none();
            })
            .add("UpdateRole", (p, call) -> QueryResult.of(xml -> { }))
            .add("Explode", (p, call) -> {
                throw new IllegalStateException("database password is hunter2");
            }));

    private ApiResponse dispatch(ApiRequest request) {
        return dispatcher.dispatch(request, Requests.rootCall());
    }

    /** What the server does: render whatever AwsException the handler threw. */
    private ApiResponse dispatchOrRender(ApiRequest request) {
        try {
            return dispatch(request);
        } catch (AwsException e) {
            return dispatcher.renderError(request, e);
        }
    }

    private void assertError(ApiRequest request, int status, String code, String message) {
        ApiResponse response = dispatchOrRender(request);
        assertThat(response.status()).isEqualTo(status);
        Document document = Xml.parse(response);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SERVICE.xmlNamespace());
        assertThat(Xml.text(document, "/ErrorResponse/Error/Code")).isEqualTo(code);
        assertThat(Xml.text(document, "/ErrorResponse/Error/Type")).isEqualTo(status < 500 ? "Sender" : "Receiver");
        assertThat(Xml.text(document, "/ErrorResponse/RequestId")).isEqualTo(Requests.REQUEST_ID);
        if (message != null) {
            assertThat(Xml.text(document, "/ErrorResponse/Error/Message")).isEqualTo(message);
        }
        assertThat(executed).as("no operation ran").isEmpty();
    }

    @Test
    void rendersTheResultInsideTheResponseWithRequestId() {
        ApiResponse response = dispatch(Requests.post("GetUser", "2010-05-08", "UserName", "alice"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/xml");
        Document document = Xml.parse(response);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("GetUserResponse");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SERVICE.xmlNamespace());
        assertThat(Xml.text(document, "/GetUserResponse/GetUserResult/User/UserName")).isEqualTo("alice");
        assertThat(Xml.text(document, "/GetUserResponse/ResponseMetadata/RequestId")).isEqualTo(Requests.REQUEST_ID);
    }

    @Test
    void operationsWithoutOutputHaveNoResultElement() {
        Document document = Xml.parse(dispatch(Requests.post("DeleteUser", "2010-05-08", "UserName", "a")));
        assertThat(Xml.count(document, "/DeleteUserResponse/DeleteUserResult")).isZero();
        assertThat(Xml.count(document, "/DeleteUserResponse/ResponseMetadata/RequestId")).isEqualTo(1);

        Document empty = Xml.parse(dispatch(Requests.post("UpdateRole", "2010-05-08", "RoleName", "r")));
        assertThat(Xml.count(empty, "/UpdateRoleResponse/UpdateRoleResult")).isEqualTo(1);
    }

    @Test
    void readsGetRequestsFromTheQueryString() {
        ApiResponse response = dispatch(Requests.get("Action=GetUser&Version=2010-05-08&UserName=bob%2Bco"));
        assertThat(Xml.text(response, "/GetUserResponse/GetUserResult/User/UserName")).isEqualTo("bob+co");
    }

    @Test
    void acceptsAFormBodyWithoutCharsetOrContentType() {
        byte[] body = "Action=GetUser&Version=2010-05-08&UserName=carol".getBytes(StandardCharsets.US_ASCII);
        assertThat(dispatch(Requests.postBody("application/x-www-form-urlencoded", body)).status()).isEqualTo(200);
        assertThat(dispatch(Requests.postBody(null, body)).status()).isEqualTo(200);
        assertThat(dispatch(Requests.postBody("Application/X-WWW-Form-URLEncoded; Charset=\"UTF-8\"", body)).status())
                .isEqualTo(200);
    }

    @Test
    void missingActionIsMissingAction() {
        assertError(Requests.post(java.util.Map.of("Version", "2010-05-08")), 400, "MissingAction", "Missing Action");
        assertError(Requests.post("", "2010-05-08"), 400, "MissingAction", "Missing Action");
    }

    @Test
    void unknownActionIsInvalidAction() {
        assertError(Requests.post("StealEverything", "2010-05-08"), 400, "InvalidAction",
                "Could not find operation StealEverything for version 2010-05-08");
        assertError(Requests.post("getuser", "2010-05-08", "UserName", "a"), 400, "InvalidAction",
                "Could not find operation getuser for version 2010-05-08");
    }

    @Test
    void wrongVersionIsInvalidActionForThatVersion() {
        assertError(Requests.post("GetUser", "2011-06-15", "UserName", "a"), 400, "InvalidAction",
                "Could not find operation GetUser for version 2011-06-15");
    }

    @Test
    void missingVersionIsMissingParameter() {
        assertError(Requests.post(java.util.Map.of("Action", "GetUser", "UserName", "a")), 400, "MissingParameter",
                "The request must contain the parameter Version");
    }

    @Test
    void malformedBodiesAreInvalidQueryParameter() {
        assertError(Requests.postBody(Requests.FORM, "Action=GetUser&Version=2010-05-08&UserName=%E9".getBytes(
                StandardCharsets.US_ASCII)), 400, "InvalidQueryParameter", null);
        assertError(Requests.postBody(Requests.FORM, "Action=GetUser&Version=2010-05-08&UserName=%".getBytes(
                StandardCharsets.US_ASCII)), 400, "InvalidQueryParameter", null);
        assertError(Requests.postBody(Requests.FORM, "Action=GetUser&Version=2010-05-08&UserName=é".getBytes(
                StandardCharsets.UTF_8)), 400, "InvalidQueryParameter", null);
        assertError(Requests.postBody(Requests.FORM, "Action=GetUser&Action=DeleteUser&Version=2010-05-08".getBytes(
                StandardCharsets.US_ASCII)), 400, "InvalidQueryParameter", null);
    }

    @Test
    void bodiesThatAreNotUtf8FormsAreRefused() {
        byte[] body = "Action=GetUser&Version=2010-05-08&UserName=a".getBytes(StandardCharsets.US_ASCII);
        assertError(Requests.postBody("application/json", body), 400, "InvalidQueryParameter", null);
        assertError(Requests.postBody("application/x-www-form-urlencoded; charset=iso-8859-1", body), 400,
                "InvalidQueryParameter", null);
    }

    @Test
    void missingRequiredParameterIsValidationError() {
        ApiResponse response = dispatchOrRender(Requests.post("GetUser", "2010-05-08"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(Xml.text(response, "/ErrorResponse/Error/Code")).isEqualTo("ValidationError");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message")).isEqualTo(
                "1 validation error detected: Value null at 'userName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void badIntegerIsValidationError() {
        ApiResponse response = dispatchOrRender(Requests.post("GetUser", "2010-05-08", "UserName", "a",
                "MaxItems", "lots"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(Xml.text(response, "/ErrorResponse/Error/Code")).isEqualTo("ValidationError");
    }

    @Test
    void unexpectedFailuresBecomeTheServiceInternalFailureWithoutDetail() {
        ApiRequest request = Requests.post("Explode", "2010-05-08");
        assertThatThrownBy(() -> dispatch(request)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("ServiceFailure");
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.getCause()).as("kept for the server's log").isInstanceOf(IllegalStateException.class);
        });
        ApiResponse response = dispatchOrRender(request);
        assertThat(response.status()).isEqualTo(500);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("Explode");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Type")).isEqualTo("Receiver");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message")).isEqualTo(QueryResponses.INTERNAL_FAILURE_MESSAGE);
    }

    @Test
    void rendersDomainErrorsWithTheirStatusAndMessage() {
        ApiResponse response = dispatcher.renderError(Requests.post("GetUser", "2010-05-08"),
                new AwsException("NoSuchEntity", 404, "The user with name <b> cannot be found."));
        assertThat(response.status()).isEqualTo(404);
        assertThat(Xml.text(response, "/ErrorResponse/Error/Message")).isEqualTo("The user with name <b> cannot be found.");
        assertThat(Xml.text(response, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
    }

    @Test
    void operationNameIsTheActionOnlyWhenKnown() {
        assertThat(dispatcher.operationName(Requests.post("GetUser", "2010-05-08"))).isEqualTo("GetUser");
        assertThat(dispatcher.operationName(Requests.post("GetUser", "1999-01-01"))).isEqualTo("GetUser");
        assertThat(dispatcher.operationName(Requests.post("Random" + System.nanoTime(), "2010-05-08")))
                .isEqualTo("Unknown");
        assertThat(dispatcher.operationName(Requests.postBody(Requests.FORM, "%%%".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("Unknown");
        assertThat(dispatcher.operationName(Requests.get(""))).isEqualTo("Unknown");
    }

    @Test
    void presigningParametersAreNotOperationParameters() {
        ApiResponse response = dispatch(Requests.get("Action=GetUser&Version=2010-05-08&UserName=a"
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc"));
        assertThat(response.status()).isEqualTo(200);
    }
}
