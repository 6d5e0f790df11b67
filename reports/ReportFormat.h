#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace triad {

/// Report formats Triad writes (DESIGN.md §6).
enum class ReportFormat { Pdf, Html, Csv, Json, Junit, Oscal };

QString toString(ReportFormat format);
std::optional<ReportFormat> reportFormatFromString(const QString &text);
QStringList reportFormatNames();

} // namespace triad
