package io.jhub.git.wire;

import io.jhub.api.GitProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the lines of a protocol v0/v1 ref advertisement. */
final class V0Parser {
    private static final String ZERO_ID = "0".repeat(40);

    private V0Parser() {
    }

    static RefAdvertisement parse(List<String> lines) throws GitProtocolException {
        List<AdvertisedRef> refs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0) {
                int nul = line.indexOf('\0');
                if (nul >= 0) {
                    for (String c : line.substring(nul + 1).split(" ")) {
                        if (!c.isEmpty()) {
                            caps.add(c);
                        }
                    }
                    line = line.substring(0, nul);
                }
            }
            if (line.startsWith("shallow ")) {
                continue;
            }
            int sp = line.indexOf(' ');
            String id = sp < 0 ? "" : line.substring(0, sp);
            String name = sp < 0 ? "" : line.substring(sp + 1);
            if (!AdvertisedRef.isId(id) || name.isEmpty()) {
                throw new GitProtocolException("Malformed ref advertisement line \"" + RefAdvertisement.clip(line)
                        + "\": expected \"<object id> <ref name>\".");
            }
            if (name.equals("capabilities^{}") && id.equals(ZERO_ID)) {
                continue; // an empty repository: capabilities only
            }
            if (name.endsWith("^{}")) {
                String base = name.substring(0, name.length() - 3);
                int last = refs.size() - 1;
                if (last < 0 || !refs.get(last).name().equals(base)) {
                    throw new GitProtocolException("Peeled line \"" + RefAdvertisement.clip(line)
                            + "\" does not follow the ref " + base + ".");
                }
                refs.set(last, refs.get(last).withPeeled(id));
                continue;
            }
            refs.add(AdvertisedRef.of(name, id));
        }
        Optional<String> head = Optional.empty();
        for (String c : caps) {
            if (c.startsWith("symref=HEAD:")) {
                head = Optional.of(c.substring("symref=HEAD:".length()));
            }
        }
        if (head.isPresent()) {
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i).name().equals("HEAD")) {
                    refs.set(i, refs.get(i).withSymrefTarget(head.get()));
                }
            }
        }
        return new RefAdvertisement(0, refs, caps, head);
    }
}
