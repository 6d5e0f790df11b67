#pragma once

#include <QByteArray>
#include <QString>

namespace triad {

/// Lower-case hex SHA-256 of the bytes: the digest recorded for evidence and reports.
QString sha256Hex(const QByteArray &data);

} // namespace triad
