#include "ReportFormat.h"

namespace triad {

QString toString(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf: return QStringLiteral("pdf");
    case ReportFormat::Html: return QStringLiteral("html");
    case ReportFormat::Csv: return QStringLiteral("csv");
    case ReportFormat::Json: return QStringLiteral("json");
    case ReportFormat::Junit: return QStringLiteral("junit");
    case ReportFormat::Oscal: return QStringLiteral("oscal");
    }
    return {};
}

std::optional<ReportFormat> reportFormatFromString(const QString &text)
{
    for (auto f : {ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json,
                   ReportFormat::Junit, ReportFormat::Oscal})
        if (text == toString(f))
            return f;
    return std::nullopt;
}

QStringList reportFormatNames()
{
    return {QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("csv"),
            QStringLiteral("json"), QStringLiteral("junit"), QStringLiteral("oscal")};
}

} // namespace triad
