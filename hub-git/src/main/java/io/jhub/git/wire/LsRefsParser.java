package io.jhub.git.wire;

import io.jhub.api.GitProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the reply to a protocol v2 {@code ls-refs} command. */
final class LsRefsParser {
    private LsRefsParser() {
    }

    static RefAdvertisement parse(RefAdvertisement caps, List<String> lines) throws GitProtocolException {
        List<AdvertisedRef> refs = new ArrayList<>();
        Optional<String> head = Optional.empty();
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length < 2 || parts[1].isEmpty()) {
                throw malformed(line);
            }
            Optional<String> symref = Optional.empty();
            Optional<String> peeled = Optional.empty();
            for (int i = 2; i < parts.length; i++) {
                if (parts[i].startsWith("symref-target:")) {
                    symref = Optional.of(parts[i].substring("symref-target:".length()));
                } else if (parts[i].startsWith("peeled:")) {
                    String p = parts[i].substring("peeled:".length());
                    if (!AdvertisedRef.isId(p)) {
                        throw malformed(line);
                    }
                    peeled = Optional.of(p);
                } // other attributes are for future extensions: ignore them
            }
            if (parts[1].equals("HEAD") && symref.isPresent()) {
                head = symref;
            }
            if (parts[0].equals("unborn")) {
                continue;
            }
            if (!AdvertisedRef.isId(parts[0])) {
                throw malformed(line);
            }
            refs.add(new AdvertisedRef(parts[1], parts[0], peeled, symref));
        }
        return new RefAdvertisement(caps.version(), refs, caps.capabilities(), head);
    }

    private static GitProtocolException malformed(String line) {
        return new GitProtocolException("Malformed ls-refs line \"" + RefAdvertisement.clip(line)
                + "\": expected \"<object id> <ref name> [symref-target:<ref>] [peeled:<id>]\".");
    }
}
