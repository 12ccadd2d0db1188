/**
 * An application on the module path that uses jhub: it only {@code requires io.jhub.core}.
 */
module io.jhub.example.modular {
    requires io.jhub.core;
}
