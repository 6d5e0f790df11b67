#pragma once

#include "common/Result.h"
#include "model/Evidence.h"
#include "model/TemplateModel.h"

namespace triad {

/// The `fswalk` collector: ONE walk of the filesystem that serves every check about file modes
/// and owners (SUID/SGID inventory, world-writable files, world-writable directories without the
/// sticky bit, files without a known owner or group). Walking once instead of once per check is
/// what keeps a full benchmark scan fast on hosts with large data mounts; auditors shorten it
/// further with the collector's roots, exclude patterns and cross_mounts (template parameters).
///
/// Pseudo and network filesystems (proc, sysfs, cgroup, nfs, cifs, ...) are always pruned.
/// Needs GNU find (-printf); elsewhere the collector fails with exit 3 and a message.

/// The POSIX sh snippet, every path quoted by shellQuote(). Records are NUL-terminated by find
/// and turned into lines by tr, so a file name with a newline cannot forge a record.
Result<QString> fsWalkSnippet(const CollectorDef &c);

/// What an auditor reads as the command ("find / -xdev ... (SUID/SGID, world-writable, unowned)").
QString fsWalkDisplay(const CollectorDef &c);

/// {suid_sgid_files, world_writable_files, world_writable_dirs_without_sticky, unowned}: lists of
/// {path, type, mode, uid, gid, owner, group, ...}. Pure.
Observation parseFsWalk(const RawOutput &raw);

} // namespace triad
