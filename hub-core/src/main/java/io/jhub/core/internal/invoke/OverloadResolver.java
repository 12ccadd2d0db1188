package io.jhub.core.internal.invoke;

import io.jhub.api.EntryArgumentException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks the overload of an entry that fits the arguments, the way Java does for a call: positional arguments
 * fill the first parameters, named ones bind by parameter name; fixed-arity overloads are tried before a varargs
 * expansion; among the fitting ones the most specific wins, and no single winner is an error.
 */
final class OverloadResolver {
    /**
     * The chosen method with the values to pass.
     *
     * @param method the overload
     * @param args the values, in parameter order (a varargs tail already packed into its array)
     */
    record Bound(Method method, Object[] args) {
    }

    private record Fit(Method method, Object[] args, Class<?>[] types) {
    }

    private OverloadResolver() {
    }

    /**
     * Resolves a call.
     *
     * @param label the entry as {@code repo#entry}, for messages
     * @param overloads the entry's methods (not empty)
     * @param positional the positional arguments
     * @param named the named arguments
     * @param adapter how a given argument becomes a parameter value
     * @return the method and its arguments
     * @throws EntryArgumentException if none fits or several fit equally well; lists the candidates
     */
    static Bound resolve(String label, List<Method> overloads, List<?> positional, Map<String, ?> named,
                         ArgumentAdapter adapter) {
        List<Fit> fits = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Method m : overloads) {
            try {
                fits.add(bind(m, positional, named, adapter, false));
            } catch (ArgumentAdapter.Mismatch e) {
                rejections.add(JavaTypes.signature(m) + ": " + e.getMessage());
                reasons.add(e.getMessage());
            }
        }
        if (fits.isEmpty()) {
            List<String> varargRejections = new ArrayList<>();
            for (Method m : overloads) {
                if (m.isVarArgs()) {
                    try {
                        fits.add(bind(m, positional, named, adapter, true));
                    } catch (ArgumentAdapter.Mismatch e) {
                        varargRejections.add(JavaTypes.signature(m) + " (as varargs): " + e.getMessage());
                        reasons.add(e.getMessage());
                    }
                }
            }
            rejections.addAll(varargRejections);
        }
        if (fits.isEmpty() && overloads.size() == 1) {
            Method only = overloads.get(0);
            String reason = reasons.get(reasons.size() - 1);
            throw new EntryArgumentException("Cannot call entry " + label + " with " + describe(positional, named)
                    + ": " + reason + ".\nIts signature is "
                    + JavaTypes.signature(only) + ".");
        }
        if (fits.isEmpty()) {
            throw new EntryArgumentException("No overload of entry " + label + " accepts the arguments "
                    + describe(positional, named) + ":\n  " + String.join("\n  ", rejections)
                    + "\nPass arguments that match one of these signatures.");
        }
        if (fits.size() == 1) {
            return new Bound(fits.get(0).method(), fits.get(0).args());
        }
        List<Fit> best = new ArrayList<>();
        for (Fit f : fits) {
            if (fits.stream().allMatch(g -> g == f || atLeastAsSpecific(f, g))) {
                best.add(f);
            }
        }
        if (best.size() != 1) {
            throw new EntryArgumentException("The arguments " + describe(positional, named) + " fit several"
                    + " overloads of entry " + label + " equally well:\n  "
                    + fits.stream().map(f -> JavaTypes.signature(f.method())).collect(Collectors.joining("\n  "))
                    + "\nPass arguments whose types pick one overload (for example 2L for a long, or name the"
                    + " parameters).");
        }
        return new Bound(best.get(0).method(), best.get(0).args());
    }

    private static boolean atLeastAsSpecific(Fit f, Fit g) {
        if (f.types().length != g.types().length) {
            return false;
        }
        for (int i = 0; i < f.types().length; i++) {
            if (!JavaTypes.atLeastAsSpecific(f.types()[i], g.types()[i])) {
                return false;
            }
        }
        return true;
    }

    private static Fit bind(Method m, List<?> positional, Map<String, ?> named, ArgumentAdapter adapter,
                            boolean expand) throws ArgumentAdapter.Mismatch {
        Parameter[] params = m.getParameters();
        int fixed = expand ? params.length - 1 : params.length;
        if (!expand && positional.size() > params.length) {
            throw new ArgumentAdapter.Mismatch("takes " + params.length + " argument" + (params.length == 1 ? "" : "s")
                    + ", got " + positional.size() + " positional");
        }
        Object[] values = new Object[params.length];
        boolean[] filled = new boolean[params.length];
        List<Class<?>> types = new ArrayList<>();
        for (int i = 0; i < Math.min(fixed, positional.size()); i++) {
            values[i] = adapter.adapt(positional.get(i), params[i].getType(), params[i]);
            filled[i] = true;
        }
        if (expand) {
            Class<?> component = params[fixed].getType().getComponentType();
            int extra = Math.max(0, positional.size() - fixed);
            Object array = Array.newInstance(component, extra);
            for (int i = 0; i < extra; i++) {
                Array.set(array, i, adapter.adapt(positional.get(fixed + i), component, params[fixed]));
            }
            values[fixed] = array;
            filled[fixed] = true;
        }
        for (Map.Entry<String, ?> e : named.entrySet()) {
            int index = indexOf(params, e.getKey());
            if (index < 0) {
                throw new ArgumentAdapter.Mismatch(params.length > 0 && !params[0].isNamePresent()
                        ? "parameter names were not compiled in, so named arguments cannot be used"
                        : "has no parameter named '" + e.getKey() + "' (parameters: "
                        + Arrays.stream(params).map(Parameter::getName).collect(Collectors.joining(", ")) + ")");
            }
            if (filled[index]) {
                throw new ArgumentAdapter.Mismatch("parameter '" + e.getKey() + "' is given twice (positionally"
                        + " and by name)");
            }
            values[index] = adapter.adapt(e.getValue(), params[index].getType(), params[index]);
            filled[index] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            if (!filled[i]) {
                missing.add(params[i].getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new ArgumentAdapter.Mismatch("missing parameter" + (missing.size() == 1 ? " '" : "s '")
                    + String.join("', '", missing) + "'");
        }
        for (int i = 0; i < params.length; i++) {
            if (expand && i == fixed) {
                for (int k = fixed; k < positional.size(); k++) {
                    types.add(params[fixed].getType().getComponentType());
                }
            } else {
                types.add(params[i].getType());
            }
        }
        return new Fit(m, values, types.toArray(new Class<?>[0]));
    }

    private static int indexOf(Parameter[] params, String name) {
        for (int i = 0; i < params.length; i++) {
            if (params[i].isNamePresent() && params[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(List<?> positional, Map<String, ?> named) {
        StringBuilder sb = new StringBuilder("(");
        sb.append(positional.stream().map(JavaTypes::typeOf).collect(Collectors.joining(", ")));
        if (!named.isEmpty()) {
            sb.append(positional.isEmpty() ? "" : ", ").append(named.entrySet().stream()
                    .map(e -> e.getKey() + "=" + JavaTypes.typeOf(e.getValue())).collect(Collectors.joining(", ")));
        }
        return sb.append(')').toString();
    }
}
