package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.EntryInvocationException;
import io.jhub.core.Hub;
import io.jhub.core.HubModule;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class EntryExceptionsTest {
    @TempDir
    Path tmp;

    private HubModule load(Hub owner) {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.boom;

                import java.io.IOException;

                public class hubconf {
                    public static String unchecked(String why) {
                        throw new IllegalStateException(why);
                    }

                    public static String checked(String why) throws IOException {
                        throw new IOException(why);
                    }

                    public static boolean seesOwner() {
                        return io.jhub.core.Hub.current().isPresent();
                    }

                    public static Object owner() {
                        return io.jhub.core.Hub.current().orElseThrow();
                    }

                    public static String contextLoader() {
                        return String.valueOf(Thread.currentThread().getContextClassLoader() == hubconf.class.getClassLoader());
                    }
                }
                """);
        return new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "boom", owner);
    }

    @Test
    void uncheckedExceptionsKeepTheirTypeAndStackTrace() {
        HubModule hub = load(TestRepos.OWNER);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> hub.invoke("unchecked", "bad input"));
        assertEquals("bad input", e.getMessage());
        assertEquals("hub.boom.hubconf", e.getStackTrace()[0].getClassName());
        assertEquals("unchecked", e.getStackTrace()[0].getMethodName());
    }

    @Test
    void checkedExceptionsAreWrappedWithTheOriginalAsCause() {
        HubModule hub = load(TestRepos.OWNER);
        EntryInvocationException e = assertThrows(EntryInvocationException.class, () -> hub.invoke("checked", "disk"));
        assertTrue(e.getCause() instanceof java.io.IOException, String.valueOf(e.getCause()));
        assertEquals("disk", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("boom#checked"), e.getMessage());
        assertTrue(Arrays.stream(e.getCause().getStackTrace()).anyMatch(f -> f.getMethodName().equals("checked")));
    }

    @Test
    void entriesRunWithTheOwningHubAsCurrentAndTheLayerLoaderAsContextLoader() {
        Hub owner = Hub.builder().cacheDir(tmp.resolve("cache")).build();
        HubModule hub = load(owner);
        assertSame(owner, hub.invoke("owner"));
        assertEquals(true, hub.invoke("seesOwner"));
        assertEquals("true", hub.invoke("contextLoader"));
        assertTrue(Hub.current().isEmpty());
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        hub.invoke("seesOwner");
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }
}
