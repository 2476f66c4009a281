#!/usr/bin/env bash
# Writes the "warning" bags and the 0.97 uncommon-metadata-separators bag
# (see README.md): each is valid, and verify must name one file in a warning.
# Run from this folder; the bags are committed, this script only documents
# how they were made.
set -euo pipefail
cd "$(dirname "$0")"
bag() { # version dir alg
  local ver=$1 dir=$2 alg=$3
  rm -rf "$dir"; mkdir -p "$dir/data"
  printf 'BagIt-Version: %s\nTag-File-Character-Encoding: UTF-8\n' "$ver" > "$dir/bagit.txt"
}
seal() { # dir alg [bag-info text]
  local dir=$1 alg=$2
  ( cd "$dir" && find data -type f | LC_ALL=C sort | while read -r f; do ${alg}sum "$f"; done > "manifest-$alg.txt" )
}
oxum() { # dir
  local dir=$1 n=0 b=0
  while read -r f; do n=$((n+1)); b=$((b+$(stat -c %s "$f"))); done < <(find "$dir/data" -type f)
  echo "$b.$n"
}
tagseal() { # dir alg
  local dir=$1 alg=$2
  ( cd "$dir" && for f in bagit.txt bag-info.txt manifest-*.txt; do [ -f "$f" ] && ${alg}sum "$f"; done > "tagmanifest-$alg.txt" )
}
for ver in 0.97 1.0; do
  root=v$ver/warning
  # Two payload files whose names differ only in Unicode form (é as one
  # code point, NFC, and as e + combining acute, NFD).
  d=$root/filename-normalization; bag $ver $d sha512
  printf 'precomposed\n' > "$d/data/caf$(printf '\xc3\xa9').txt"
  printf 'decomposed\n' > "$d/data/cafe$(printf '\xcc\x81').txt"
  seal $d sha512; printf 'Payload-Oxum: %s\n' "$(oxum $d)" > $d/bag-info.txt; tagseal $d sha512
  # One file, listed twice: once as stored (NFD), once in NFC.
  d=$root/same-filename-listed-twice-with-different-normalization; bag $ver $d sha512
  printf 'one file\n' > "$d/data/cafe$(printf '\xcc\x81').txt"
  seal $d sha512
  sum=$(cut -d' ' -f1 $d/manifest-sha512.txt)
  printf '%s  data/caf\xc3\xa9.txt\n' "$sum" >> $d/manifest-sha512.txt
  printf 'Payload-Oxum: %s\n' "$(oxum $d)" > $d/bag-info.txt; tagseal $d sha512
  # Two payload files whose names differ only in case.
  d=$root/names-differ-only-in-case; bag $ver $d sha256
  printf 'upper\n' > $d/data/Test-File.txt; printf 'lower\n' > $d/data/test-file.txt
  seal $d sha256; printf 'Payload-Oxum: %s\n' "$(oxum $d)" > $d/bag-info.txt; tagseal $d sha256
  # The same line twice.
  d=$root/file-listed-twice-same-checksum; bag $ver $d sha256
  printf 'hello\n' > $d/data/test-file.txt
  seal $d sha256; cat $d/manifest-sha256.txt $d/manifest-sha256.txt > $d/m && mv $d/m $d/manifest-sha256.txt
  printf 'Payload-Oxum: %s\n' "$(oxum $d)" > $d/bag-info.txt; tagseal $d sha256
  # A manifest as md5sum -b writes it: "<sum> *<path>".
  d=$root/md5sum-binary-mode-manifest; bag $ver $d md5
  printf 'hello\n' > $d/data/test-file.txt
  ( cd $d && md5sum -b data/test-file.txt > manifest-md5.txt )
  printf 'Payload-Oxum: %s\n' "$(oxum $d)" > $d/bag-info.txt; tagseal $d md5
  # A .DS_Store that Finder wrote into data/ after the bag was made, and a
  # Thumbs.db listed as payload.
  d=$root/special-system-files; bag $ver $d sha256
  printf 'hello\n' > $d/data/test-file.txt; printf 'thumbs\n' > $d/data/Thumbs.db
  seal $d sha256; printf 'Payload-Oxum: %s\n' "$(oxum $d)" > $d/bag-info.txt; tagseal $d sha256
  printf '\0\0\0\1Bud1' > $d/data/.DS_Store # after sealing: not in the manifest nor in Payload-Oxum
done
# 0.97 allowed space before the colon of a bag-info label.
d=v0.97/valid/uncommon-metadata-separators; bag 0.97 $d sha256
printf 'hello\n' > $d/data/test-file.txt
seal $d sha256
printf 'Payload-Oxum: %s\nTest-Tag : value with space before the colon\nOther-Tag:value without space after it\n' "$(oxum $d)" > $d/bag-info.txt
tagseal $d sha256
# The same bag-info.txt in a 1.0 bag is invalid.
d=v1.0/invalid/uncommon-metadata-separators; bag 1.0 $d sha256
printf 'hello\n' > $d/data/test-file.txt
seal $d sha256
printf 'Payload-Oxum: %s\nTest-Tag : value with space before the colon\n' "$(oxum $d)" > $d/bag-info.txt
tagseal $d sha256
