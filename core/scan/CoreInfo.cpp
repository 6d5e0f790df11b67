#include "CoreInfo.h"

#include <QtGlobal>

#include <libssh/libssh.h>
#include <openssl/opensslv.h>
#include <sqlite3.h>

namespace triad {

QString coreLibraryVersions()
{
    return QStringLiteral("Qt %1, libssh %2, OpenSSL %3, SQLite %4")
        .arg(QString::fromLatin1(qVersion()), QString::fromLatin1(ssh_version(0)),
             QStringLiteral(OPENSSL_VERSION_STR), QString::fromLatin1(sqlite3_libversion()));
}

} // namespace triad
