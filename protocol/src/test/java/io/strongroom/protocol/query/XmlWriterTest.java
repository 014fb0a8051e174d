package io.strongroom.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.protocol.support.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlWriterTest {
    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static Document parse(String xml) {
        return Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void escapesMarkupInValues() {
        String hostile = "</UserName><Arn>evil</Arn>&amp;\"'";
        String xml = new XmlWriter("R", NS).element("UserName", hostile).finish();
        assertThat(xml).doesNotContain("<Arn>");
        assertThat(Xml.text(parse(xml), "/R/UserName")).isEqualTo(hostile);
    }

    @Test
    void declaresTheDefaultNamespaceOnTheRoot() {
        Document document = parse(new XmlWriter("GetUserResponse", NS).element("A", "b").finish());
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        assertThat(document.getDocumentElement().getFirstChild().getNamespaceURI()).isEqualTo(NS);
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() {
        String xml = new XmlWriter("R", NS).element("V", "a\u0000b\u001Fc\uD800d\uFFFEe").finish();
        assertThat(Xml.text(parse(xml), "/R/V")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    }

    @Test
    void keepsSupplementaryCharactersTabsNewlinesAndCarriageReturns() {
        String value = "key 🔑\tline1\r\nline2\rend";
        String xml = new XmlWriter("R", NS).element("V", value).finish();
        assertThat(xml).contains("&#13;");
        assertThat(Xml.text(parse(xml), "/R/V")).isEqualTo(value);
    }

    @Test
    void writesTimestampsAsIsoUtcToTheSecond() {
        String xml = new XmlWriter("R", NS).element("CreateDate", Instant.parse("2026-01-01T00:00:00.987654Z")).finish();
        assertThat(Xml.text(parse(xml), "/R/CreateDate")).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void writesListsAsMembersAndMapsAsEntries() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("Users", "3");
        map.put("Groups", "1");
        String xml = new XmlWriter("R", NS)
                .stringList("PolicyNames", List.of("a", "b"))
                .stringList("Empty", List.of())
                .map("SummaryMap", map)
                .element("IsTruncated", false)
                .element("Count", 7)
                .finish();
        Document document = parse(xml);
        assertThat(Xml.count(document, "/R/PolicyNames/member")).isEqualTo(2);
        assertThat(Xml.text(document, "/R/PolicyNames/member")).isEqualTo("a");
        assertThat(Xml.count(document, "/R/Empty")).isEqualTo(1);
        assertThat(Xml.count(document, "/R/Empty/member")).isZero();
        assertThat(Xml.count(document, "/R/SummaryMap/entry")).isEqualTo(2);
        assertThat(Xml.text(document, "/R/SummaryMap/entry/key")).isEqualTo("Users");
        assertThat(Xml.text(document, "/R/IsTruncated")).isEqualTo("false");
        assertThat(Xml.text(document, "/R/Count")).isEqualTo("7");
    }

    @Test
    void finishClosesOpenElements() {
        String xml = new XmlWriter("R", NS).start("A").start("B").text("x").finish();
        assertThat(Xml.text(parse(xml), "/R/A/B")).isEqualTo("x");
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(PercentEncoding.encode("{\"Version\": \"2012-10-17\", \"a\":\"b+c/~é*\"}"))
                .isEqualTo("%7B%22Version%22%3A%20%222012-10-17%22%2C%20%22a%22%3A%22b%2Bc%2F~%C3%A9%2A%22%7D");
    }
}
