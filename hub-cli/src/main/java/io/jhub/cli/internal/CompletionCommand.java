package io.jhub.cli.internal;

import io.jhub.api.spi.SettingKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code jhub completion bash|zsh}: prints a completion script for the commands, their options, the settings
 * keys, the cached repositories (read from the cache directory, without starting Java) and the entries of a local
 * hub directory (from {@code jhub list}). zsh uses the same function through {@code bashcompinit}.
 */
final class CompletionCommand implements Command {
    private static final Spec SPEC = new Spec("completion", "bash|zsh", "print a shell completion script",
            List.of(), 1, 1, """
            bash: source <(jhub completion bash), or save it in ~/.local/share/bash-completion/completions/jhub.
            zsh: source <(jhub completion zsh) in ~/.zshrc.""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        String shell = in.args().words().get(0);
        String script = bash(in);
        switch (shell) {
            case "bash" -> in.out().print(script + "complete -o default -F _jhub jhub\n");
            case "zsh" -> in.out().print("#compdef jhub\n# zsh completion for jhub, through bashcompinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script
                    + "complete -o default -F _jhub jhub\n");
            default -> throw new UsageException("completion takes bash or zsh, not \"" + shell + "\""
                    + io.jhub.core.Suggestions.nearest(shell, List.of("bash", "zsh")).map(s -> "; did you mean "
                    + s + "?").orElse(""));
        }
    }

    private static String bash(Invocation in) {
        Set<String> settings = new LinkedHashSet<>();
        for (SettingKey k : in.hub().knownSettings()) {
            settings.add(k.name() + (k.hostSuffix() == SettingKey.HostSuffix.REQUIRED ? "." : "="));
        }
        settings.add("log.jdk=");
        StringBuilder cases = new StringBuilder();
        Set<String> groups = new LinkedHashSet<>();
        for (Command c : Commands.ALL) {
            Command.Spec s = c.spec();
            List<String> opts = new ArrayList<>();
            for (String o : Options.concat(s.options(), Options.GLOBAL)) {
                opts.add("--" + o);
            }
            cases.append("    \"").append(s.name()).append("\") opts=\"").append(String.join(" ", opts))
                    .append("\" ;;\n");
            if (s.name().contains(" ")) {
                groups.add(s.name().split(" ")[0]);
            }
        }
        StringBuilder subs = new StringBuilder();
        for (String g : groups) {
            List<String> names = Commands.group(g).stream().map(c -> c.spec().name().split(" ")[1]).toList();
            subs.append("    ").append(g).append(") subs=\"").append(String.join(" ", names)).append("\" ;;\n");
        }
        return "# jhub completion (jhub completion bash|zsh)\n"
                + "_jhub_repos() {\n"
                // a cached repository is a directory with a .lock file: repos/<host>/<owner...>/<name>/.lock
                + "  local home=\"${JHUB_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/jhub}\" d\n"
                + "  [ -d \"$home/repos\" ] || return 0\n"
                + "  find \"$home/repos\" -mindepth 4 -name .lock 2>/dev/null | while IFS= read -r d; do\n"
                + "    d=\"${d%/.lock}\"; printf '%s\\n' \"${d#\"$home\"/repos/*/}\"\n"
                + "  done\n"
                + "}\n"
                + "_jhub() {\n"
                + "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "  local cmd=\"\" sub=\"\" subs=\"\" opts=\"\" i w pos=() \n"
                + "  case \"$prev\" in\n"
                + "    --cache-dir|--hubconf) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
                + "    --protocol) COMPREPLY=($(compgen -W \"HTTPS SSH\" -- \"$cur\")); return ;;\n"
                + "    --set) compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -W \""
                + String.join(" ", settings) + "\" -- \"$cur\")); return ;;\n"
                + "    --host|--commit|--arg|--sha256|--file-name|--connections) return ;;\n"
                + "  esac\n"
                + "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
                + "    w=\"${COMP_WORDS[i]}\"\n"
                + "    case \"$w\" in\n"
                + "      --cache-dir|--hubconf|--protocol|--set|--host|--commit|--arg|--sha256|--file-name"
                + "|--connections) ((i++)) ;;\n"
                + "      -*) ;;\n"
                + "      *) pos+=(\"$w\") ;;\n"
                + "    esac\n"
                + "  done\n"
                + "  cmd=\"${pos[0]:-}\"\n"
                + "  case \"$cmd\" in\n" + subs + "  esac\n"
                + "  if [ -n \"$subs\" ] && [ ${#pos[@]} -ge 2 ] && [[ \" $subs \" == *\" ${pos[1]} \"* ]]; then\n"
                + "    cmd=\"$cmd ${pos[1]}\"; pos=(\"$cmd\" \"${pos[@]:2}\")\n"
                + "  fi\n"
                + "  case \"$cmd\" in\n" + cases + "    *) opts=\"--help --version\" ;;\n  esac\n"
                + "  if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n"
                + "  if [ ${#pos[@]} -eq 0 ]; then\n"
                + "    COMPREPLY=($(compgen -W \"" + String.join(" ", Commands.firstWords()) + "\" -- \"$cur\"));"
                + " return\n"
                + "  fi\n"
                + "  if [ ${#pos[@]} -eq 1 ] && [ -n \"$subs\" ] && [ \"$cmd\" = \"${pos[0]}\" ]; then\n"
                + "    COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
                + "  fi\n"
                + "  case \"$cmd\" in\n"
                + "    list|help|load|fetch|trust|\"trust rm\"|\"cache rm\")\n"
                + "      if [ ${#pos[@]} -eq 1 ]; then\n"
                + "        COMPREPLY+=($(compgen -W \"$(_jhub_repos)\" -- \"$cur\") $(compgen -d -- \"$cur\"))\n"
                + "      elif [ ${#pos[@]} -eq 2 ] && { [ \"$cmd\" = help ] || [ \"$cmd\" = load ]; }"
                + " && [ -d \"${pos[1]}\" ]; then\n"
                + "        COMPREPLY=($(compgen -W \"$(jhub list \"${pos[1]}\" --quiet 2>/dev/null)\" -- \"$cur\"))\n"
                + "      fi ;;\n"
                + "    completion) COMPREPLY=($(compgen -W \"bash zsh\" -- \"$cur\")) ;;\n"
                + "  esac\n"
                + "}\n";
    }
}
