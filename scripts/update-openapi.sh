#!/usr/bin/env bash
# Regenerates the committed openapi.json from the API: builds src/Api (the build
# writes the document into src/Api/obj/openapi/, see OpenApiGenerateDocumentsOnBuild)
# and copies it, normalised (JSON, 2-space indent, trailing newline), to the repo root.
# test.sh fails its "openapi" check while the two differ.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Api -c Release -nologo -v quiet

# The generator lists what it wrote in obj/<Project>.OpenApiFiles.cache; fall back to the newest file.
generated=$(cat src/Api/obj/*.OpenApiFiles.cache 2>/dev/null | grep -m1 '\.json$' || true)
[ -f "$generated" ] || generated=$(ls -t src/Api/obj/openapi/*.json 2>/dev/null | head -n 1 || true)
[ -f "$generated" ] || { echo "update-openapi.sh: no document in src/Api/obj/openapi/" >&2; exit 1; }

node -e 'const fs=require("fs");process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8")),null,2)+"\n")' \
  "$generated" >openapi.json.tmp
mv openapi.json.tmp openapi.json
echo "openapi.json updated from $generated"
