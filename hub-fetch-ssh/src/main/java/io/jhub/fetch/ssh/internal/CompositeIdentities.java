package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import java.util.List;
import java.util.Vector;

/** Offers the keys of several repositories (ssh-agent first, then key files), like OpenSSH. */
final class CompositeIdentities implements IdentityRepository {
    private final List<IdentityRepository> parts;

    CompositeIdentities(List<IdentityRepository> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public String getName() {
        return "jhub";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>();
        for (IdentityRepository r : parts) {
            all.addAll(r.getIdentities());
        }
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // keys are never removed from the agent
    }
}
