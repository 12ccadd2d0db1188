package io.jhub.fetch.ssh.internal.pack;

import io.jhub.api.GitProtocolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Second pass: rebuilds every delta object, depth first from each whole object, so each base is inflated once
 * and only the current chain is held in memory. Results are hashed to their ids and appended to a spill file
 * for the tree writer.
 */
final class DeltaResolver {
    private final PackIndex idx;
    private final PackFile pack;
    private final FileChannel spill;
    private final Map<String, List<Integer>> waitingForId = new HashMap<>();
    private int[] childStart;
    private int[] children;

    DeltaResolver(PackIndex idx, Map<Integer, byte[]> refBases, PackFile pack, FileChannel spill) {
        this.idx = idx;
        this.pack = pack;
        this.spill = spill;
        refBases.forEach((i, id) -> waitingForId.computeIfAbsent(ObjectType.hex(id, 0, 20),
                k -> new ArrayList<>()).add(i));
        buildOffsetChildren();
    }

    void resolveAll() throws IOException {
        int n = idx.count();
        for (int i = 0; i < n; i++) {
            if (!idx.isDelta(i) && hasChildren(i)) {
                walk(i, pack.inflateAll(idx.dataOffset(i), idx.size(i)));
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

    private record Frame(int index, byte[] content, List<Integer> kids) {
    }

    private void walk(int root, byte[] rootContent) throws IOException {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, rootContent, childrenOf(root)));
        int type = idx.type(root);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.kids.isEmpty()) {
                stack.pop();
                continue;
            }
            int c = f.kids.remove(f.kids.size() - 1);
            byte[] delta = pack.inflateAll(idx.dataOffset(c), idx.packSize(c));
            byte[] result = Delta.apply(f.content, delta);
            MessageDigest md = ObjectType.startId(type, result.length);
            md.update(result);
            long pos = spill.size();
            ByteBuffer bb = ByteBuffer.wrap(result);
            while (bb.hasRemaining()) {
                spill.write(bb, pos + bb.position());
            }
            idx.resolved(c, type, result.length, pos, md.digest());
            if (hasChildren(c)) {
                stack.push(new Frame(c, result, childrenOf(c)));
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
