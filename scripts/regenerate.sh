#!/usr/bin/env bash
# Regenerates the checked-in contract (openapi/openapi.json) from the code, then the Refit
# client (src/Datawijs.Client/Generated) from the contract. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/Datawijs.Api -- openapi "$PWD/openapi/openapi.json"
dotnet run --project src/Datawijs.ClientGen -- openapi/openapi.json src/Datawijs.Client/Generated
