#!/usr/bin/env bash
# Rebuilds src/main/resources/static/govuk/govuk-frontend.css from the govuk-frontend npm package, for a council's
# service: Arial rather than GDS Transport (reserved for GOV.UK domains), no font files. Needs node and npm; the
# built file is committed so the application runs with Java and Maven alone.
set -euo pipefail
VERSION="${GOVUK_FRONTEND_VERSION:-6.6.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "govuk-frontend@$VERSION" sass@1
cat > council.scss <<SCSS
@use "pkg:govuk-frontend" with (
  \$govuk-font-family: (arial, sans-serif),
  \$govuk-include-default-font-face: false,
  \$govuk-assets-path: "/govuk/assets/"
);
SCSS
npx sass --pkg-importer=node --style=compressed --no-source-map --quiet council.scss council.css
{ echo "/* govuk-frontend $VERSION (MIT), built by tools/build-govuk-frontend.sh: Arial, no GDS Transport */"; cat council.css; } \
  > "$here/src/main/resources/static/govuk/govuk-frontend.css"
echo "built govuk-frontend $VERSION"
