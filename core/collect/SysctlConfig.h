#pragma once

#include "model/Evidence.h"

#include <QString>
#include <QStringList>

namespace triad {

/// The `sysctl_config` collector: the kernel parameters a host sets at boot, read from every
/// sysctl configuration file in ONE script step (no process per key), so that a check can ask
/// whether the running value (a `sysctl` collector, /proc/sys) survives a reboot.
///
/// Files and precedence follow systemd-sysctl and `sysctl --system` (sysctl.d(5)):
///  - *.conf in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d and
///    /lib/sysctl.d: of several files with the same name only the first of that list counts (a
///    symlink to /dev/null, or an empty file, in /etc masks a vendor file);
///  - the files that count are read in the lexical order of their names, whatever their folder;
///    the last assignment of a key wins; /etc/sysctl.conf is read last;
///  - "-key = value" is an ordinary assignment (its failures are ignored at boot); "-key" alone
///    excludes the key from glob assignments; "a.b.*.c = v" (a glob) sets the keys it matches
///    that no line names explicitly. Only the conf.all and conf.default keys a glob matches are
///    resolved (the ones checks read): which interfaces exist is known only at boot.
///  - "a/b/c" and "a.b.c" name the same key; results use the dotted form.

/// The folders, in precedence order, and the main file (read last).
const QStringList &sysctlConfigDirs();
QString sysctlConfigMainFile();

/// The POSIX sh snippet: each folder and file name quoted by shellQuote(). Prints, per file,
/// "=<path>" then every line prefixed by one space (a line of a file cannot forge a header),
/// "!<path>" for a file it cannot read and "~<path>" for a name that masks (not a regular file).
QString sysctlConfigSnippet();

/// "cat /etc/sysctl.d/*.conf ... /etc/sysctl.conf": what an auditor reads as the command.
QString sysctlConfigDisplay();

/// {key: value} of every key the files set, values with runs of blanks made single spaces as in
/// /proc/sys; origins name the file and line that set each key. An unreadable file that counts,
/// a failed or truncated read are errors: a partial configuration would give wrong answers. Pure.
Observation parseSysctlConfig(const RawOutput &raw);

} // namespace triad
