package dev.incept.diff;

import dev.incept.analysis.ResolvedLayer;

/**
 * Where two networks first part: the deepest block on the first differing path whose own make-up
 * differs (not merely its children's), the two resolved layers there, and a sentence saying how,
 * with numbers. {@code first} or {@code second} is null where the block exists on one side only.
 */
public record Origin(String path, ResolvedLayer first, ResolvedLayer second, String explanation) {
}
