package io.jhub.core.internal.invoke;

import io.jhub.core.ArgumentConverter;
import java.lang.reflect.Parameter;

/** Turns one given argument into a value for one parameter, or says why it cannot. */
@FunctionalInterface
interface ArgumentAdapter {
    /** The argument does not fit the parameter; the message names both. */
    final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Adapts an argument.
     *
     * @param raw the given argument
     * @param type the parameter's type (the component type for a varargs element)
     * @param parameter the parameter, for its name
     * @return the value to pass
     * @throws Mismatch if the argument does not fit
     */
    Object adapt(Object raw, Class<?> type, Parameter parameter) throws Mismatch;

    /** Passes objects as Java would: identity, boxing, unboxing plus widening, subtyping. */
    ArgumentAdapter OBJECTS = new ArgumentAdapter() { // anonymous classes here, not lambdas: see Hub's constructor
        @Override
        public Object adapt(Object raw, Class<?> type, Parameter parameter) throws Mismatch {
            if (!JavaTypes.accepts(raw, type)) {
                throw new Mismatch("parameter '" + parameter.getName() + "' is "
                        + io.jhub.core.internal.compile.TypeNames.simplify(type.getTypeName()) + ", got "
                        + JavaTypes.typeOf(raw) + (raw == null ? "" : " " + JavaTypes.quote(raw)));
            }
            return raw;
        }
    };

    /**
     * Adapts with a caller's converter; the converter's {@code IllegalArgumentException} rejects the overload.
     *
     * @param converter the caller's converter
     * @return the adapter
     */
    static ArgumentAdapter converting(ArgumentConverter converter) {
        return new ArgumentAdapter() {
            @Override
            public Object adapt(Object raw, Class<?> type, Parameter parameter) throws Mismatch {
                try {
                    return converter.convert(raw, type, parameter);
                } catch (IllegalArgumentException e) {
                    throw new Mismatch(String.valueOf(e.getMessage()));
                }
            }
        };
    }
}
