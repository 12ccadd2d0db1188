package io.jhub.cli.internal;

import io.jhub.api.spi.SettingKey;
import io.jhub.core.Hub;
import io.jhub.core.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --set} keys: the command's own ({@code log.jdk}) and the check of the others against the keys the
 * hub and its fetchers declare ({@link Hub#knownSettings()}); an unknown key is a usage error with the nearest
 * known one.
 */
final class CliSettings {
    /** {@code --set log.jdk=true}: the JDK's own System.Logger output (such as its HTTP client's) with --verbose. */
    static final String LOG_JDK = "log.jdk";

    private CliSettings() {
    }

    static boolean jdkLogs(Map<String, String> settings) {
        String v = settings.getOrDefault(LOG_JDK, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new UsageException("--set " + LOG_JDK + " takes true or false, got \"" + v + "\"");
        }
        return v.equals("true");
    }

    /** The settings meant for the hub: all but the command's own. */
    static Map<String, String> withoutOwn(Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>(settings);
        out.remove(LOG_JDK);
        return out;
    }

    static void check(Set<String> keys, Hub hub) {
        if (keys.isEmpty()) {
            return;
        }
        List<SettingKey> known = hub.knownSettings();
        for (String key : keys) {
            if (known.stream().noneMatch(k -> k.matches(key))) {
                List<String> names = new ArrayList<>();
                known.forEach(k -> names.add(k.name()));
                names.add(LOG_JDK);
                List<String> patterns = new ArrayList<>();
                known.forEach(k -> patterns.add(k.pattern()));
                patterns.add(LOG_JDK);
                throw new UsageException("unknown setting \"" + key + "\" in --set"
                        + Suggestions.nearest(key, names).map(s -> "; did you mean " + s + "?").orElse(".")
                        + " Known settings: " + String.join(", ", patterns) + ".");
            }
        }
    }
}
