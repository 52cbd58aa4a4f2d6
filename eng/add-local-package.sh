#!/usr/bin/env bash
# Adds SecretsAnalyzer, built from this clone, to a C# project. Until the package is published on nuget.org,
# this is the install:
#
#   eng/add-local-package.sh path/to/YourFunction.csproj
#
# 1. `dotnet pack nupkg -c Release` into a local feed (default: artifacts/local-feed in this clone), under a
#    version of its own (0.1.0-local.<UTC time>). NuGet caches a package by id and version in the global packages
#    folder, so a rebuilt package under a version it has already seen would never reach the project.
# 2. Adds the feed as the package source "SecretsAnalyzerLocal" to the nuget.config next to the project's solution
#    (the nearest folder above the project that holds a .sln or .slnx, without leaving its git work tree), or next
#    to the project; it creates the file if needed and keeps every other source. Later restores, by you, your IDE
#    or CI on this machine, find the package there.
# 3. `dotnet add PROJECT package SecretsAnalyzer --version <that version>`, which writes the PackageReference
#    (PrivateAssets="all": the package is a development dependency) and restores. No `--source`: it would replace
#    every source for that restore, and the project's other packages could then not be found (NU1101).
#
# Run it again after `git pull` to take the new rules: it packs a new version and moves the project to it.
#
# Options:
#   --feed DIR         the local feed folder (default: <clone>/artifacts/local-feed)
#   --config-dir DIR   where the nuget.config goes (default: the solution's folder, else the project's)
#   --version VERSION  the package version (default: <Version of the clone>-local.<yyyyMMddHHmmss>)
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

die() {
  echo "add-local-package: $*" >&2
  exit 1
}

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$repo/artifacts/local-feed"
config_dir=""
version=""
project=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --feed) [[ $# -ge 2 ]] || die "--feed needs a folder"; feed="$2"; shift 2 ;;
    --config-dir) [[ $# -ge 2 ]] || die "--config-dir needs a folder"; config_dir="$2"; shift 2 ;;
    --version) [[ $# -ge 2 ]] || die "--version needs a value"; version="$2"; shift 2 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [[ -z "$project" ]] || die "one project at a time (got $project and $1)"; project="$1"; shift ;;
  esac
done

[[ -n "$project" ]] || { usage >&2; exit 2; }
[[ -f "$project" && "$project" == *.csproj ]] || die "not a C# project file: $project"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"

project="$(cd "$(dirname "$project")" && pwd)/$(basename "$project")"
project_dir="$(dirname "$project")"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"

if [[ -z "$version" ]]; then
  base="$(dotnet msbuild "$repo/nupkg/SecretsAnalyzer.Package.csproj" -getProperty:Version -nologo 2>/dev/null | tr -d '[:space:]')"
  [[ -n "$base" ]] || die "could not read the package version from $repo/nupkg"
  version="${base%%-*}-local.$(date -u +%Y%m%d%H%M%S)"
fi

# Where the nuget.config goes: the nearest folder from the project up that holds a solution, not above the git
# work tree's root; else the project's own folder.
if [[ -z "$config_dir" ]]; then
  dir="$project_dir"
  while :; do
    if compgen -G "$dir/*.sln" >/dev/null || compgen -G "$dir/*.slnx" >/dev/null; then
      config_dir="$dir"
      break
    fi
    if [[ -e "$dir/.git" || "$dir" == "/" ]]; then
      break
    fi
    dir="$(dirname "$dir")"
  done
  config_dir="${config_dir:-$project_dir}"
fi
mkdir -p "$config_dir"
config_dir="$(cd "$config_dir" && pwd)"

echo "==> Packing SecretsAnalyzer $version into $feed"
dotnet pack "$repo/nupkg" -c Release -o "$feed" -p:PackageVersion="$version" -nologo -v:q
[[ -f "$feed/SecretsAnalyzer.$version.nupkg" ]] || die "dotnet pack did not write $feed/SecretsAnalyzer.$version.nupkg"

config=""
for name in nuget.config NuGet.config NuGet.Config; do
  if [[ -f "$config_dir/$name" ]]; then
    config="$config_dir/$name"
    break
  fi
done
if [[ -z "$config" ]]; then
  config="$config_dir/nuget.config"
  # No <clear />: the sources configured for this machine (normally nuget.org) stay in effect.
  cat >"$config" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
  </packageSources>
</configuration>
EOF
  echo "==> Created $config"
fi

echo "==> Package source SecretsAnalyzerLocal -> $feed in $config"
if ! dotnet nuget add source "$feed" --name SecretsAnalyzerLocal --configfile "$config" >/dev/null 2>&1; then
  dotnet nuget update source SecretsAnalyzerLocal --source "$feed" --configfile "$config" >/dev/null \
    || die "could not add the feed to $config"
fi
if grep -q "packageSourceMapping" "$config"; then
  echo "note: $config maps packages to sources; map SecretsAnalyzer to the source SecretsAnalyzerLocal there," >&2
  echo "      e.g. <packageSource key=\"SecretsAnalyzerLocal\"><package pattern=\"SecretsAnalyzer\" /></packageSource>" >&2
fi

echo "==> dotnet add $project package SecretsAnalyzer --version $version"
dotnet add "$project" package SecretsAnalyzer --version "$version"

echo "Done. Build the project to see the findings: dotnet build \"$project\""
