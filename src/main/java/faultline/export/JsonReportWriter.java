package faultline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import faultline.analysis.ComparisonReport;

import java.io.IOException;
import java.io.Writer;

/** Writes a comparison report as JSON: the same records, field by field. */
public final class JsonReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    public static void write(ComparisonReport r, Writer out) throws IOException {
        MAPPER.writeValue(out, r);
    }
}
