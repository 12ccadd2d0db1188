# Sourced by bench scripts that run a class of their own the way ./jhub starts its JVM (bench/warm/tls-floor.sh,
# bench/https/gitgit.sh). Defines one function:
#   jhub_java DIR MAIN COMMAND   sets the array JHUB_JAVA to ./jhub's java command for `jhub COMMAND` (its java,
#                                AppCDS archive, JIT options and JHUB_JAVA_OPTS) with DIR appended to its class path
#                                (an AppCDS archive accepts a longer path) and MAIN as the main class; run it from
#                                the checkout's root and add MAIN's arguments when running it
jhub_java() {
  local dir="$1" main="$2" command="$3" i
  local cmd=()
  mapfile -t cmd < <(JHUB_PRINT_COMMAND=1 ./jhub "$command" x)
  JHUB_JAVA=()
  for ((i = 0; i < ${#cmd[@]}; i++)); do
    if [ "${cmd[$i]}" = -cp ]; then JHUB_JAVA+=(-cp "${cmd[$((i + 1))]}:$dir" "$main"); return 0; fi
    JHUB_JAVA+=("${cmd[$i]}")
  done
  echo "jhub_java: ./jhub printed no -cp" >&2
  return 1
}
