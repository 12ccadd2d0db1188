package io.jhub.core.internal.layer;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Defines one empty module layer on a background thread, once per JVM, when the first hub is built.
 * The first layer a JVM defines runs the JDK's resolution and layer code, and the {@code java.lang.invoke}
 * machinery behind their lambdas, for the first time, interpreted: about a quarter of a warm load in a fresh JVM.
 * Done on the side, that work overlaps with reading the settings, the repository and the compiled cache, so the
 * real layer is defined with warm code (bench/core). The throwaway layer holds no classes and is never used.
 * Started with the hub rather than with the first load, which leaves too little to overlap with.
 */
public final class LayerWarmup {
    private static final String NAME = "jhub.warmup";
    // a plain flag under the class lock: AtomicBoolean's VarHandle would set up java.lang.invoke on this thread
    private static boolean started;

    private LayerWarmup() {
    }

    /** Starts the warm-up unless it ran before in this JVM. Never throws; a failure only means no warm-up. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            Thread t = new Thread(new Task(), "jhub-layer-warmup");
            t.setDaemon(true);
            t.start();
        } catch (RuntimeException | Error e) {
            // no thread (resource limits, a restrictive environment): loads just run cold
        }
    }

    /**
     * Defines the throwaway layer and looks a class up through its loader.
     *
     * @return true when both ran as real loads do (the lookup ends in ClassNotFoundException), false on any failure
     */
    static boolean warm() {
        try {
            HostPlatform platform = HostPlatform.current(); // the parent layer and loader real loads use
            ModuleDescriptor d = ModuleDescriptor.newOpenModule(NAME).packages(Set.of(NAME)).build();
            // a directory that does not exist: the module serves nothing
            Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "jhub-warmup-has-no-files");
            LayerFactory.Defined defined = LayerFactory.define(platform, d, List.of(Object.class.getModule()),
                    nowhere, nowhere, nowhere.resolve("lib"), LibModules.of(List.of(), platform, NAME), NAME, NAME);
            defined.module().getClassLoader().loadClass(NAME + ".Absent");
            return false;
        } catch (ClassNotFoundException expected) {
            return true;
        } catch (RuntimeException | Error e) {
            return false; // a warm-up only: the real load reports its own problems
        }
    }

    /** A class rather than a lambda: linking a lambda is part of the work this thread is there to take over. */
    private static final class Task implements Runnable {
        @Override
        public void run() {
            warm();
        }
    }
}
