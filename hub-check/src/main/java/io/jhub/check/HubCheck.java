package io.jhub.check;

import io.jhub.api.HubDefaults;
import io.jhub.check.internal.HubChecker;
import io.jhub.core.internal.layer.HostPlatform;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks a hub repository directory without running any of its code, as its author would before publishing:
 * compiles it with no output against this runtime, checks the modules it names, and lists its entries,
 * resources and {@code lib/} jars. Problems are findings in the report, not exceptions. The {@code jhub check}
 * command prints this report.
 *
 * @since 0.2
 */
public final class HubCheck {
    private HubCheck() {
    }

    /**
     * Checks a hub repository directory whose entry file is {@code hubconf.java}.
     *
     * @param dir the repository directory, holding {@code hubconf.java}
     * @return the report; {@link HubCheckReport#ok()} is false if a load would fail
     * @throws NullPointerException if {@code dir} is null
     * @throws io.jhub.api.HubException if {@code dir} is not a directory or has no {@code hubconf.java}
     */
    public static HubCheckReport check(Path dir) {
        return check(dir, HubDefaults.DEFAULT_HUBCONF_ENTRY);
    }

    /**
     * Checks a hub repository directory whose entry file has another name, like {@link #check(Path)}.
     *
     * @param dir the repository directory
     * @param hubconfEntry the entry file relative to {@code dir}, such as {@code src/hub/x/hubconf.java}
     * @return the report; {@link HubCheckReport#ok()} is false if a load would fail
     * @throws NullPointerException if an argument is null
     * @throws io.jhub.api.HubException if {@code dir} is not a directory, or the entry path is invalid or missing
     */
    public static HubCheckReport check(Path dir, String hubconfEntry) {
        return new HubChecker(HostPlatform.current()).check(Objects.requireNonNull(dir, "dir"),
                Objects.requireNonNull(hubconfEntry, "hubconfEntry"));
    }
}
