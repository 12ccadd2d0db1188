package io.jhub.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code NO_PROXY} list: comma (or space) separated; {@code *} matches everything; {@code name} and
 * {@code .name} match the host itself and every subdomain; {@code name:port} only that port; IPv6 literals may
 * be written with or without brackets.
 */
public final class NoProxy {
    private record Rule(String host, int port) {
    }

    private final boolean all;
    private final List<Rule> rules;

    private NoProxy(boolean all, List<Rule> rules) {
        this.all = all;
        this.rules = rules;
    }

    /**
     * Parses a list.
     *
     * @param list the variable's value (may be empty)
     * @return the rules
     */
    public static NoProxy parse(String list) {
        boolean all = false;
        List<Rule> rules = new ArrayList<>();
        for (String raw : list.split("[,\\s]+")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("*")) {
                all = true;
                continue;
            }
            int port = -1;
            String host = item;
            if (item.startsWith("[")) {
                int close = item.indexOf(']');
                if (close < 0) {
                    continue;
                }
                host = item.substring(1, close);
                if (item.length() > close + 2 && item.charAt(close + 1) == ':') {
                    port = parsePort(item.substring(close + 2));
                }
            } else if (item.indexOf(':') == item.lastIndexOf(':') && item.indexOf(':') > 0) {
                int colon = item.indexOf(':');
                host = item.substring(0, colon);
                port = parsePort(item.substring(colon + 1));
            }
            while (host.startsWith(".")) {
                host = host.substring(1);
            }
            if (!host.isEmpty()) {
                rules.add(new Rule(host, port));
            }
        }
        return new NoProxy(all, List.copyOf(rules));
    }

    /**
     * Tells whether a request to {@code host:port} must bypass the proxy.
     *
     * @param host the request's host (IPv6 with or without brackets)
     * @param port the request's port
     * @return true when a rule matches
     */
    public boolean matches(String host, int port) {
        if (all) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (Rule r : rules) {
            if (r.port() >= 0 && r.port() != port) {
                continue;
            }
            if (h.equals(r.host()) || h.endsWith("." + r.host())) {
                return true;
            }
        }
        return false;
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -2; // a malformed port matches no request
        }
    }
}
