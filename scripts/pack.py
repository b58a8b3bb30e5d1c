#!/usr/bin/env python3
"""Packs a folder into a .tar.gz or .zip the same way on every machine (Linux, macOS and Windows runners alike).

    scripts/pack.py FOLDER ARCHIVE

The archive holds FOLDER's name as its one top-level folder. Entries are sorted by path; every entry's time is
SOURCE_DATE_EPOCH (else 2000-01-01); owner and group are 0; modes are 0755 for folders and for files that are
executable (or end in .exe), 0644 otherwise; the gzip header carries no name and no time. So the same files
give the same bytes, and SHA256SUMS can be checked against a rebuild.
"""

import gzip
import os
import stat
import sys
import tarfile
import time
import zipfile

# ZIP stores local times from 1980 on, without a zone: the epoch's UTC fields are written as they are.
ZIP_EARLIEST = 315532800


def entries(folder):
    """(path in the archive, path on disk, is a folder) for FOLDER and everything in it, sorted by path."""
    base = os.path.basename(os.path.normpath(folder))
    found = [(base, folder, True)]
    for parent, dirs, files in os.walk(folder):
        for name in dirs + files:
            disk = os.path.join(parent, name)
            inside = os.path.relpath(disk, folder).replace(os.sep, "/")
            found.append((f"{base}/{inside}", disk, os.path.isdir(disk)))
    return sorted(found)


def mode(disk, is_dir):
    if is_dir or disk.endswith(".exe") or os.stat(disk).st_mode & stat.S_IXUSR:
        return 0o755
    return 0o644


def pack_tar(folder, archive, epoch):
    with open(archive, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for inside, disk, is_dir in entries(folder):
                info = tarfile.TarInfo(inside + ("/" if is_dir else ""))
                info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
                info.mode = mode(disk, is_dir)
                if is_dir:
                    info.type = tarfile.DIRTYPE
                    tar.addfile(info)
                else:
                    info.size = os.path.getsize(disk)
                    with open(disk, "rb") as data:
                        tar.addfile(info, data)


def pack_zip(folder, archive, epoch):
    when = time.gmtime(max(epoch, ZIP_EARLIEST))[:6]
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for inside, disk, is_dir in entries(folder):
            info = zipfile.ZipInfo(inside + ("/" if is_dir else ""), date_time=when)
            info.create_system = 3  # Unix, so that unzip keeps the modes below
            info.external_attr = ((stat.S_IFDIR if is_dir else stat.S_IFREG) | mode(disk, is_dir)) << 16
            if is_dir:
                info.external_attr |= 0x10  # MS-DOS folder flag
                zf.writestr(info, b"")
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(disk, "rb") as data:
                    zf.writestr(info, data.read())


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: scripts/pack.py FOLDER ARCHIVE(.tar.gz|.zip)")
    folder, archive = sys.argv[1:]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 946684800)
    if archive.endswith(".tar.gz"):
        pack_tar(folder, archive, epoch)
    elif archive.endswith(".zip"):
        pack_zip(folder, archive, epoch)
    else:
        sys.exit(f"error: `{archive}` is neither .tar.gz nor .zip")


if __name__ == "__main__":
    main()
