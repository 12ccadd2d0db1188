package io.jhub.git.attributes;

import java.util.Optional;

/**
 * The author or committer of a commit, as its header line gives them.
 *
 * @param name the name (text before {@code <}, trailing spaces removed)
 * @param email the address between {@code <} and {@code >}
 * @param timestamp seconds since the epoch, if the line has a date
 * @param zone the zone as written, such as {@code +0200} or {@code -0700}, if the line has one
 * @since 0.2
 */
public record Person(String name, String email, Optional<Long> timestamp, Optional<String> zone) {
}
