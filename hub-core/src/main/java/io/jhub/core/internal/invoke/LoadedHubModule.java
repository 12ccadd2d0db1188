package io.jhub.core.internal.invoke;

import io.jhub.api.EntryArgumentException;
import io.jhub.api.EntryInvocationException;
import io.jhub.api.EntryNotFoundException;
import io.jhub.api.HubException;
import io.jhub.core.ArgumentConverter;
import io.jhub.core.Hub;
import io.jhub.core.HubModule;
import io.jhub.core.internal.CurrentHub;
import io.jhub.core.internal.compile.EntryDoc;
import io.jhub.core.internal.compile.TypeNames;
import io.jhub.core.internal.help.HelpText;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded hub repository. Entries and help come from what the compiler recorded, so they run no repository code;
 * the hubconf class is loaded on first need and initialised by the first entry call.
 */
public final class LoadedHubModule implements HubModule {
    private final String name;
    private final Path root;
    private final ModuleLayer layer;
    private final Module module;
    private final String hubconfClassName;
    private final Map<String, List<EntryDoc>> docs;
    private final List<String> entries;
    private final Hub owner;
    private final Map<String, List<Method>> overloads = new ConcurrentHashMap<>();
    private volatile Class<?> hubconfClass;

    /**
     * Creates the handle.
     *
     * @param name the display name
     * @param root the repository tree
     * @param layer the repository's layer
     * @param module the repository's module
     * @param hubconfClassName binary name of the hubconf class
     * @param entryDocs the entries recorded at compile time
     * @param owner the hub that entry calls run under
     */
    public LoadedHubModule(String name, Path root, ModuleLayer layer, Module module, String hubconfClassName,
                           List<EntryDoc> entryDocs, Hub owner) {
        this.name = Objects.requireNonNull(name, "name");
        this.root = Objects.requireNonNull(root, "root");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.module = Objects.requireNonNull(module, "module");
        this.hubconfClassName = Objects.requireNonNull(hubconfClassName, "hubconfClassName");
        this.owner = Objects.requireNonNull(owner, "owner");
        Map<String, List<EntryDoc>> byName = new LinkedHashMap<>();
        for (EntryDoc d : entryDocs) {
            List<EntryDoc> same = byName.get(d.name());
            if (same == null) {
                same = new ArrayList<>();
                byName.put(d.name(), same);
            }
            same.add(d);
        }
        this.docs = Map.copyOf(byName);
        this.entries = List.copyOf(new TreeSet<>(byName.keySet()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Module module() {
        return module;
    }

    @Override
    public ModuleLayer layer() {
        return layer;
    }

    @Override
    public Class<?> hubconfClass() {
        Class<?> c = hubconfClass;
        if (c == null) {
            try {
                c = Class.forName(hubconfClassName, false, module.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new HubException("Cannot load the hubconf class " + hubconfClassName + " of " + name + ": "
                        + e + ". Delete the compiled cache to rebuild it.", e);
            }
            hubconfClass = c;
        }
        return c;
    }

    @Override
    public List<String> entries() {
        return entries;
    }

    @Override
    public String help(String entry) {
        List<EntryDoc> found = docs.get(Objects.requireNonNull(entry, "entry"));
        if (found == null) {
            throw notFound(entry);
        }
        return HelpText.of(found);
    }

    @Override
    public Object invoke(String entry, Object... args) {
        return invoke(entry, args == null ? Arrays.asList((Object) null) : Arrays.asList(args), Map.of());
    }

    @Override
    public Object invoke(String entry, List<?> positional, Map<String, ?> named) {
        Objects.requireNonNull(positional, "positional");
        Objects.requireNonNull(named, "named");
        return call(entry, OverloadResolver.resolve(label(entry), methods(entry), positional, named,
                ArgumentAdapter.OBJECTS));
    }

    @Override
    public <T> T invoke(String entry, Class<T> type, List<?> positional, Map<String, ?> named) {
        Objects.requireNonNull(type, "type");
        Object result = invoke(entry, positional, named);
        if (result == null) {
            if (type.isPrimitive()) {
                throw new HubException("Entry " + label(entry) + " returned null, not the expected " + type);
            }
            return null;
        }
        Class<?> boxed = JavaTypes.boxed(type);
        if (!boxed.isInstance(result)) {
            throw new HubException("Entry " + label(entry) + " returned " + JavaTypes.typeOf(result) + " ("
                    + result.getClass().getName() + "), not the expected " + type.getName()
                    + ". Ask for a type the entry returns, or Object.");
        }
        @SuppressWarnings("unchecked")
        T t = (T) boxed.cast(result);
        return t;
    }

    @Override
    public Object invoke(String entry, List<?> positional, Map<String, ?> named, ArgumentConverter converter) {
        Objects.requireNonNull(positional, "positional");
        Objects.requireNonNull(named, "named");
        return call(entry, OverloadResolver.resolve(label(entry), methods(entry), positional, named,
                ArgumentAdapter.converting(Objects.requireNonNull(converter, "converter"))));
    }

    @Override
    public String toString() {
        return "HubModule[" + name + ", module " + module.getName() + "]";
    }

    private List<Method> methods(String entry) {
        Objects.requireNonNull(entry, "entry");
        if (!docs.containsKey(entry)) {
            throw notFound(entry);
        }
        List<Method> known = overloads.get(entry);
        if (known != null) {
            return known;
        }
        List<Method> found = new ArrayList<>();
        for (Method m : hubconfClass().getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (m.getName().equals(entry) && Modifier.isPublic(mod) && Modifier.isStatic(mod) && !m.isSynthetic()
                    && !m.isBridge()) {
                m.trySetAccessible(); // the package is opened to jhub when the layer is defined
                found.add(m);
            }
        }
        if (found.isEmpty()) {
            throw notFound(entry);
        }
        List<Method> mine = List.copyOf(found);
        List<Method> raced = overloads.putIfAbsent(entry, mine);
        return raced != null ? raced : mine;
    }

    private Object call(String entry, OverloadResolver.Bound bound) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(module.getClassLoader());
        Hub previousHub = CurrentHub.enter(owner); // not runAs: a lambda here costs each fresh JVM its linking
        try {
            return bound.method().invoke(null, bound.args());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw new EntryInvocationException(label(entry), cause);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new EntryArgumentException("Cannot call " + label(entry) + " as "
                    + JavaTypes.signature(bound.method()) + ": " + e.getMessage(), e);
        } finally {
            CurrentHub.restore(previousHub);
            thread.setContextClassLoader(previous);
        }
    }

    private String label(String entry) {
        return name + "#" + entry;
    }

    private EntryNotFoundException notFound(String entry) {
        return new EntryNotFoundException("Hub repository " + name + " has no entry \"" + entry + "\" (entries: "
                + (entries.isEmpty() ? "none" : String.join(", ", entries)) + ")."
                + io.jhub.core.Suggestions.hint(entry, entries) + " Entries are the public static methods of "
                + TypeNames.simplify(hubconfClassName) + ".");
    }
}
