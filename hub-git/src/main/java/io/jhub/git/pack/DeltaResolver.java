package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Second pass: rebuilds every delta object, depth first from each whole object, so each base is inflated once.
 * Deltas are applied streaming; results are hashed to their ids and appended to a spill file, which the tree
 * writer reads. Only bases of at most {@code heapLimit} bytes, and at most twice that in all along the current
 * chain, are kept on the heap; larger bases are read back from the spill file (a large whole object is inflated
 * there first), so heap use stays bounded whatever the object sizes.
 */
final class DeltaResolver {
    private final PackIndex idx;
    private final PackFile pack;
    private final SpillWriter spill;
    private final long heapLimit;
    private final Map<String, List<Integer>> waitingForId = new HashMap<>();
    private int[] childStart;
    private int[] children;
    private long heapInUse;

    DeltaResolver(PackIndex idx, Map<Integer, byte[]> refBases, PackFile pack, FileChannel spill, long heapLimit)
            throws IOException {
        this.idx = idx;
        this.pack = pack;
        this.spill = new SpillWriter(spill);
        this.heapLimit = heapLimit;
        refBases.forEach((i, id) -> waitingForId.computeIfAbsent(ObjectType.hex(id, 0, 20),
                k -> new ArrayList<>()).add(i));
        buildOffsetChildren();
    }

    void resolveAll() throws IOException {
        int n = idx.count();
        for (int i = 0; i < n; i++) {
            if (!idx.isDelta(i) && hasChildren(i)) {
                walk(i, root(i));
            }
        }
        for (int i = 0; i < n; i++) {
            if (idx.type(i) == 0) {
                String what = idx.packType(i) == ObjectType.REF_DELTA ? "a base object that is not in the pack"
                        : "a base that could not be rebuilt";
                throw new GitProtocolException("The pack's delta object at offset " + idx.offset(i) + " refers to "
                        + what + "; the server sent an incomplete (thin) pack.");
            }
        }
    }

    private record Frame(int index, Content content, List<Integer> kids) {
    }

    /** A whole object as a base: inflated onto the heap if small, else into the spill file. */
    private Content root(int i) throws IOException {
        long size = idx.size(i);
        if (fitsOnHeap(size)) {
            return new Content.Heap(pack.inflateAll(idx.dataOffset(i), size));
        }
        SpillWriter.Sink out = spill.begin(size, null, false);
        try (InputStream in = pack.inflated(idx.dataOffset(i))) {
            long n = in.transferTo(out);
            if (n != size) {
                throw new GitProtocolException("Pack data at offset " + idx.offset(i) + " inflates to " + n
                        + " bytes, not " + size + ".");
            }
        }
        return out.finish();
    }

    private boolean fitsOnHeap(long size) {
        return size <= heapLimit && heapInUse + size <= 2 * heapLimit;
    }

    private void walk(int root, Content rootContent) throws IOException {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, rootContent, childrenOf(root)));
        heapInUse += rootContent.heapBytes();
        int type = idx.type(root);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.kids.isEmpty()) {
                heapInUse -= stack.pop().content.heapBytes();
                continue;
            }
            int c = f.kids.remove(f.kids.size() - 1);
            // REF_DELTA children are only found by id, once c is rebuilt; those read c back from the spill file
            boolean isBase = childStart[c + 1] > childStart[c];
            SpillWriter.Sink[] out = new SpillWriter.Sink[1];
            MessageDigest[] md = new MessageDigest[1];
            try (InputStream delta = new BufferedInputStream(pack.inflated(idx.dataOffset(c)), 64 * 1024)) {
                Delta.apply(f.content, delta, size -> {
                    md[0] = ObjectType.startId(type, size);
                    out[0] = spill.begin(size, md[0], isBase && fitsOnHeap(size));
                    return out[0];
                });
            }
            Content result = out[0].finish();
            idx.resolved(c, type, out[0].written(), out[0].start(), md[0].digest());
            if (hasChildren(c)) {
                stack.push(new Frame(c, result, childrenOf(c)));
                heapInUse += result.heapBytes();
            }
        }
    }

    private boolean hasChildren(int i) {
        return childStart[i + 1] > childStart[i] || waitingForId.containsKey(idx.idHex(i));
    }

    private List<Integer> childrenOf(int i) {
        List<Integer> kids = new ArrayList<>();
        for (int k = childStart[i]; k < childStart[i + 1]; k++) {
            kids.add(children[k]);
        }
        List<Integer> byId = waitingForId.remove(idx.idHex(i));
        if (byId != null) {
            kids.addAll(byId);
        }
        return kids;
    }

    private void buildOffsetChildren() {
        int n = idx.count();
        childStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (idx.base(i) >= 0) {
                childStart[idx.base(i) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            childStart[i + 1] += childStart[i];
        }
        children = new int[childStart[n]];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            int b = idx.base(i);
            if (b >= 0) {
                children[childStart[b] + fill[b]++] = i;
            }
        }
    }
}
