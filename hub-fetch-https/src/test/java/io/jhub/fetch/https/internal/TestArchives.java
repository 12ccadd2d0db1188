package io.jhub.fetch.https.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds archives entry by entry with Commons Compress, hostile ones included. */
final class TestArchives {
    enum Type { FILE, DIR, SYMLINK, HARDLINK, DEVICE }

    record Entry(Type type, String name, String target, long size, int mode) {
    }

    private final List<Entry> entries = new ArrayList<>();

    TestArchives file(String name, String content) {
        entries.add(new Entry(Type.FILE, name, content, -1, 0644));
        return this;
    }

    TestArchives exec(String name, String content) {
        entries.add(new Entry(Type.FILE, name, content, -1, 0755));
        return this;
    }

    /** A file of {@code size} zero bytes (compresses to almost nothing). */
    TestArchives zeros(String name, long size) {
        entries.add(new Entry(Type.FILE, name, "", size, 0644));
        return this;
    }

    TestArchives dir(String name) {
        entries.add(new Entry(Type.DIR, name, "", -1, 0755));
        return this;
    }

    TestArchives symlink(String name, String target) {
        entries.add(new Entry(Type.SYMLINK, name, target, -1, 0777));
        return this;
    }

    TestArchives hardlink(String name, String target) {
        entries.add(new Entry(Type.HARDLINK, name, target, -1, 0644));
        return this;
    }

    TestArchives device(String name) {
        entries.add(new Entry(Type.DEVICE, name, "", -1, 0644));
        return this;
    }

    byte[] tarGz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry t;
                switch (e.type()) {
                    case DIR -> t = new TarArchiveEntry(e.name().endsWith("/") ? e.name() : e.name() + "/", true);
                    case SYMLINK -> {
                        t = new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK, true);
                        t.setLinkName(e.target());
                    }
                    case HARDLINK -> {
                        t = new TarArchiveEntry(e.name(), TarConstants.LF_LINK, true);
                        t.setLinkName(e.target());
                    }
                    case DEVICE -> t = new TarArchiveEntry(e.name(), TarConstants.LF_CHR, true);
                    default -> {
                        t = new TarArchiveEntry(e.name(), true);
                        t.setSize(e.size() >= 0 ? e.size() : e.target().getBytes(StandardCharsets.UTF_8).length);
                    }
                }
                t.setMode((t.getMode() & ~07777) | e.mode());
                tar.putArchiveEntry(t);
                if (e.type() == Type.FILE) {
                    write(tar, e);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    byte[] zip() throws IOException {
        return zip("");
    }

    byte[] zip(String comment) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setComment(comment);
            for (Entry e : entries) {
                String name = e.type() == Type.DIR && !e.name().endsWith("/") ? e.name() + "/" : e.name();
                ZipArchiveEntry z = new ZipArchiveEntry(name);
                int kind = e.type() == Type.DIR ? 040000 : e.type() == Type.SYMLINK ? 0120000 : 0100000;
                z.setUnixMode(kind | e.mode());
                zip.putArchiveEntry(z);
                if (e.type() == Type.FILE) {
                    write(zip, e);
                } else if (e.type() == Type.SYMLINK) {
                    zip.write(e.target().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream out, Entry e) throws IOException {
        if (e.size() < 0) {
            out.write(e.target().getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] zeros = new byte[64 * 1024];
        for (long left = e.size(); left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }
}
