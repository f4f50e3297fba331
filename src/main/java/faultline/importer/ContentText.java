package faultline.importer;

import faultline.model.SourceText;

import java.util.function.UnaryOperator;

/**
 * Message text of a line-based source, decoded from the file on demand. The stored reference spans
 * the event's physical line(s); the shape function turns them into the normalised message.
 */
final class ContentText implements SourceText {
    private final Content content;
    private final UnaryOperator<String> shape;

    ContentText(Content content, UnaryOperator<String> shape) {
        this.content = content;
        this.shape = shape;
    }

    @Override
    public String message(long ref, int length) {
        return shape.apply(raw(ref, length));
    }

    @Override
    public String raw(long ref, int length) {
        String s = content.decode(ref, length);
        return s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n") : s;
    }
}
