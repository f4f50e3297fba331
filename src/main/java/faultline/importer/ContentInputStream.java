package faultline.importer;

import java.io.InputStream;

/** Streams a {@link Content} to parsers that want an InputStream, reporting progress as it goes. */
public final class ContentInputStream extends InputStream {
    private final Content content;
    private final ReadContext ctx;
    private long pos;

    public ContentInputStream(Content content, ReadContext ctx) {
        this.content = content;
        this.ctx = ctx;
    }

    @Override
    public int read() {
        if (pos >= content.size()) {
            return -1;
        }
        return content.get(pos++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        long left = content.size() - pos;
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        content.copy(pos, b, off, n);
        pos += n;
        if (ctx != null) {
            ctx.tick(pos);
        }
        return n;
    }
}
