package io.jhub.core;

import io.jhub.api.GitHost;

/**
 * Asks whether to trust a remote repository that is about to be compiled or run but is not in the trusted list,
 * like torch.hub's {@code trust_repo="check"}. A hub asks only when one was given to
 * {@link HubBuilder#trustPrompt(TrustPrompt)} and the call did not decide itself ({@link HubRepo#trust(boolean)});
 * a yes is recorded in the trusted list, a no fails the load with an {@link io.jhub.api.UntrustedRepoException}.
 * The {@code jhub} command asks on an interactive terminal only; library code should not ask at all unless it
 * knows a person is there to answer.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface TrustPrompt {

    /**
     * Decides about one repository. Called at most once per load, from the loading thread.
     *
     * @param repo {@code owner/name}
     * @param host the host it comes from
     * @return true to trust it (and record it), false to refuse
     */
    boolean trust(String repo, GitHost host);
}
