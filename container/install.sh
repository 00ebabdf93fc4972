#!/bin/sh
# The image's install steps, run by the Dockerfile; .ci/container runs the same steps in a
# clean virtual environment where no Docker daemon is available.
# Usage: install.sh SOURCE_DIR   (pip and, once installed, policybot are found on PATH)
set -eu
source_dir="$1"
pip install --no-cache-dir --no-compile "$source_dir"
# The image answers from the files it ships: refuse to build with knowledge that does not load.
policybot kb validate "$source_dir/knowledge"
