# Shared by scripts/demo and scripts/test: install missing Debian packages, then build.
# Source it; do not run it.

LUPE_ROOT=$(cd "$(dirname "$0")/.." && pwd)
LUPE_BUILD="$LUPE_ROOT/build"

# Debian 12 packages the build and the tests need (see README, "Dependencies").
LUPE_PACKAGES="g++ cmake make pkg-config libicu-dev libxapian-dev libpoco-dev catch2
  libpugixml-dev libgumbo-dev libcmark-dev libuchardet-dev libmagic-dev libpoppler-cpp-dev libyaml-dev
  libdeflate-dev liblz4-dev libgoogle-perftools-dev wngerman"
# Only scripts/test needs these: the browser tests of the search page and the widget.
LUPE_TEST_PACKAGES="chromium chromium-driver python3-selenium"

# Installs LUPE_PACKAGES and the packages given as arguments, if missing.
lupe_install_packages() {
  missing=""
  for package in $LUPE_PACKAGES "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  [ -z "$missing" ] && return 0
  echo "Installing missing Debian packages:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: packages missing ($missing) and not root and no sudo" >&2
    exit 69
  fi
  $sudo apt-get update -qq || exit 69
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing || exit 69
}

lupe_build() {
  cmake -S "$LUPE_ROOT" -B "$LUPE_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 1
  cmake --build "$LUPE_BUILD" -j "$(nproc)" || exit 1
}
