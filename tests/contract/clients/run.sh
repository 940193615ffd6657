#!/usr/bin/env bash
# Generates one client from docs/openapi/v1.json with its generator, compiles it unmodified with its scenario, and
# runs the scenario against a running app:
#   CT_BASE_URL=http://localhost:5080 CT_API_KEY=ctk_... tests/contract/clients/run.sh typescript|kiota|nswag
# The key needs the read and write scopes. Tools come from the repository's manifests: `dotnet tool restore` (Kiota,
# NSwag) and `npm ci` in tests/contract (openapi-typescript, openapi-fetch, TypeScript).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
document="$here/../../../docs/openapi/v1.json"
: "${CT_BASE_URL:?set CT_BASE_URL to the app, e.g. http://localhost:5080}"
: "${CT_API_KEY:?set CT_API_KEY to an API key with the read and write scopes}"

case "${1:-}" in
  typescript)
    cd "$here/.."
    rm -rf clients/typescript/generated clients/typescript/out
    npx --no-install openapi-typescript "$document" -o clients/typescript/generated/schema.d.ts
    npx --no-install tsc -p clients/typescript
    node clients/typescript/out/scenario.js
    ;;
  kiota)
    cd "$here/kiota"
    dotnet kiota generate -l CSharp -d "$document" -o generated -n CommitmentTracker.KiotaClient -c CommitmentTrackerClient \
      --exclude-backward-compatible --clean-output --log-level Warning
    dotnet build -c Release -nologo -v quiet
    dotnet bin/Release/net10.0/KiotaScenario.dll
    ;;
  nswag)
    cd "$here/nswag"
    rm -rf generated && mkdir generated
    # DateOnly for OpenAPI dates: a form field must go over the wire as a day, not as a time of day.
    dotnet nswag openapi2csclient /input:"$document" /output:generated/Client.cs /namespace:CommitmentTracker.NSwagClient \
      /className:CommitmentTrackerClient /jsonLibrary:SystemTextJson /generateOptionalParameters:true /useBaseUrl:true \
      /wrapResponses:true /dateType:System.DateOnly
    dotnet build -c Release -nologo -v quiet
    dotnet bin/Release/net10.0/NSwagScenario.dll
    ;;
  *)
    echo "usage: $0 typescript|kiota|nswag" >&2
    exit 2
    ;;
esac
