package faultline.render;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text from a log in an exported SVG: characters XML forbids never make the document ill-formed. */
class SvgTextTest {
    @Test
    void forbiddenCharactersAreShownOrReplacedAndTheDocumentParses() throws Exception {
        SvgSurface s = new SvgSurface(200, 100);
        String message = "bad\uFFFE\uFFFF \u001b[31mred\u001b[0m bell\u0007 half\uD800 pair \uD83D\uDE00 <&>";
        s.text(message, 10, 20, FontSpec.LABEL, Rgba.hex("#000000"), TextAlign.LEFT);
        String doc = s.document("title\u0000", Map.of("Source files", "a\u0001.log"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
        String text = d.getElementsByTagName("text").item(0).getTextContent();
        assertEquals("bad\uFFFD\uFFFD ␛[31mred␛[0m bell␇ half\uFFFD pair \uD83D\uDE00 <&>", text);
        assertEquals("title␀", d.getElementsByTagName("title").item(0).getTextContent());
    }
}
