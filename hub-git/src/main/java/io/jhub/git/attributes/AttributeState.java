package io.jhub.git.attributes;

/**
 * One attribute as a line states it: set ({@code text}), unset ({@code -text}), unspecified ({@code !text}) or set to
 * a value ({@code eol=crlf}).
 *
 * @param name the attribute's name
 * @param kind which of the four forms
 * @param value the value for {@link Kind#VALUE}, otherwise empty
 */
record AttributeState(String name, Kind kind, String value) {
    /** The four forms of an attribute on a line. */
    enum Kind {
        SET, UNSET, UNSPECIFIED, VALUE
    }

    boolean isSet() {
        return kind == Kind.SET;
    }

    boolean hasValue(String v) {
        return kind == Kind.VALUE && value.equals(v);
    }
}
