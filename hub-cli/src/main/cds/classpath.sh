# Sourced by the regenerate scripts beside it: builds ./jhub when needed and sets `cp` to the class path of the
# java command ./jhub runs (the same jars the AppCDS archive is trained on). Needs `root` (the checkout).
"$root/jhub" --help >/dev/null
mapfile -t cmd < <(JHUB_PRINT_COMMAND=1 "$root/jhub" --help)
cp=""
for ((i = 0; i < ${#cmd[@]}; i++)); do [ "${cmd[$i]}" != -cp ] || cp="${cmd[$((i + 1))]}"; done
[ -n "$cp" ] || { echo "no class path in ./jhub's command" >&2; exit 1; }
