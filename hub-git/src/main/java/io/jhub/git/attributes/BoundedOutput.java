package io.jhub.git.attributes;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreePaths;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A byte buffer that refuses to grow past a limit, so no expansion can take unbounded memory. */
final class BoundedOutput {
    private final long limit;
    private final String path;
    private byte[] buf;
    private int len;

    BoundedOutput(long limit, String path, int initial) {
        this.limit = limit;
        this.path = path;
        this.buf = new byte[(int) Math.max(16, Math.min(initial, Math.min(limit, Integer.MAX_VALUE - 16)))];
    }

    private void ensure(long extra) {
        long need = (long) len + extra;
        if (need > limit) {
            throw new UnsafeArchiveException("Refusing the tree: converting \"" + TreePaths.printable(path)
                    + "\" as git archive would (export-subst, ident or end-of-line attributes) makes it larger than"
                    + " the limit of " + limit + " bytes. The repository's .gitattributes expand this file"
                    + " excessively; raise the limit if you trust the repository.");
        }
        if (need > buf.length) {
            long grown = Math.max(need, Math.min(limit, (long) buf.length * 2));
            buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 16));
        }
    }

    void write(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    void write(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    int length() {
        return len;
    }

    byte byteAt(int i) {
        return buf[i];
    }

    void truncate(int n) {
        len = n;
    }

    void insert(int at, int b) {
        ensure(1);
        System.arraycopy(buf, at, buf, at + 1, len - at);
        buf[at] = (byte) b;
        len++;
    }

    void replaceAll(byte[] content) {
        len = 0;
        write(content);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
