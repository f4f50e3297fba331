package faultline.export;

import faultline.Samples;
import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.DefaultSelection;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Note;
import faultline.model.TaskSet;
import faultline.render.SceneBuilder;
import faultline.render.TimelineLayout;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.render.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported picture, checked by its structure: size, metadata, elements, text. Headless. */
public class TimelineExportTest {
    @TempDir
    Path dir;
    static TaskSet set;
    static Comparison comparison;
    static TimelineScene scene;

    @BeforeAll
    static void build() {
        System.setProperty("java.awt.headless", "true");
        set = Samples.importSample();
        comparison = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        long crash = set.find(Samples.CURRENT).orElseThrow().events()[0];
        TimelineScene bare = SceneBuilder.build(comparison, set);
        long at = bare.lanes().get(0).epoch(0);
        scene = bare.withNotes(List.of(Note.point(Samples.CURRENT, at, "value_type=int for 7.5 <here>"),
                Note.range(Samples.PREVIOUS, bare.lanes().get(1).epoch(-500_000), bare.lanes().get(1).epoch(0), "loop 25 → 26")),
                List.of(Samples.CURRENT, Samples.PREVIOUS));
        assertTrue(crash >= 0);
    }

    private TimelineExport export() {
        return TimelineExport.of(comparison, set, scene, new Viewport(-1_500_000, 3_500_000, 700), TimelineStyle.light(),
                "78cd8678 vs e040ae48", TimelineExport.Options.width(1200));
    }

    public static Map<String, String> pngText(Path png) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata m = r.getImageMetadata(0);
            Element root = (Element) m.getAsTree("javax_imageio_png_1.0");
            NodeList t = root.getElementsByTagName("tEXtEntry");
            for (int i = 0; i < t.getLength(); i++) {
                Element e = (Element) t.item(i);
                out.put(e.getAttribute("keyword"), e.getAttribute("value"));
            }
            NodeList it = root.getElementsByTagName("iTXtEntry");
            for (int i = 0; i < it.getLength(); i++) {
                Element e = (Element) it.item(i);
                out.put(e.getAttribute("keyword"), e.getAttribute("text"));
            }
        }
        return out;
    }

    @Test
    void pngHasTheScaledSizeAndSaysWhatItShows() throws Exception {
        TimelineExport e = export();
        Path png = dir.resolve("cmp.png");
        e.writePng(png, 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2400, img.getWidth());
        assertEquals((int) Math.ceil(e.height() * 2), img.getHeight());
        assertTrue(e.height() > TimelineLayout.of(scene).height(), "title, legend and caption around the timeline");
        Map<String, String> text = pngText(png);
        assertEquals("78cd8678 vs e040ae48", text.get("Title"));
        assertTrue(text.get("Source files").contains("gpu-20260224_140402-5c1e7a9d.log"));
        assertTrue(text.get("Source hashes").matches("(?s).*gpu-20260224_140402-5c1e7a9d\\.log sha256:[0-9a-f]{64}.*"), text.get("Source hashes"));
        assertTrue(text.get("Time range").contains("78cd8678 2026-02-24T14:31:53.5518"), text.get("Time range"));
        assertEquals("aligned on crash", text.get("Alignment"));
        assertTrue(text.get("Tasks").contains(Samples.CURRENT));
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".part")), "no half file left");
    }

    @Test
    void svgKeepsTextAsTextAndCarriesTheSameMetadata() throws Exception {
        Path svg = dir.resolve("cmp.svg");
        export().writeSvg(svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("1200", root.getAttribute("width"));
        List<String> texts = new java.util.ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertTrue(texts.contains("78cd8678") && texts.contains("e040ae48"), "lane titles");
        assertTrue(texts.stream().noneMatch(s -> s.equals("▾") || s.equals("▸")), "a picture has no fold controls: " + texts);
        assertTrue(texts.contains("value_type=int for 7.5 <here>"), "notes, escaped and kept as text");
        assertTrue(texts.contains("loop 25 → 26"));
        assertTrue(texts.stream().anyMatch(s -> s.startsWith("✗ AttributeError @ LOOP [9/32] guidance_scale")));
        assertTrue(doc.getElementsByTagName("rect").getLength() > 50, "marks, phases and windows are rectangles");
        NodeList entries = doc.getElementsByTagName("entry");
        Map<String, String> meta = new HashMap<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            meta.put(e.getAttribute("key"), e.getTextContent());
        }
        assertEquals("aligned on crash", meta.get("Alignment"));
        assertTrue(meta.get("Source hashes").contains("sha256:"));
    }
}
