#include "ReportText.h"

#include "TextSanitizer.h"

namespace triad::report {

QString html(const QString &text, bool breaks)
{
    QString s = visibleText(text).toHtmlEscaped();
    if (breaks)
        s.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return s;
}

QString dateTimeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC") : QStringLiteral("-");
}

QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("-");
}

QString periodText(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid())
        return QStringLiteral("-");
    if (!to.isValid())
        return dateTimeText(from) + QStringLiteral(" (not finished)");
    const QDateTime a = from.toUTC(), b = to.toUTC();
    const QString end = a.date() == b.date() ? b.toString(QStringLiteral("HH:mm")) : b.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return a.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" \u2013 ") + end + QStringLiteral(" UTC");
}

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("not_applicable"))
        return QStringLiteral("Not applicable");
    if (status == QLatin1String("not_assessed"))
        return QStringLiteral("Not assessed");
    if (status == QLatin1String("manual"))
        return QStringLiteral("Not attested");
    if (status.isEmpty())
        return status;
    return status.at(0).toUpper() + status.mid(1);
}

QString findingId(int index)
{
    return QStringLiteral("F-%1").arg(index + 1, 3, 10, QLatin1Char('0'));
}

QString evidenceRef(qint64 id)
{
    return QStringLiteral("E%1").arg(id);
}

QString bytesText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

namespace text {
const char *const kIntro =
    "This report records an automated configuration assessment made by Triad without installing anything on the "
    "assessed systems. Every verdict rests on stored evidence: the output of the commands run on each system, kept in "
    "the project file with its SHA-256 digest and listed in the evidence appendix.";
const char *const kScoreRule =
    "The score counts each requirement once per asset: a requirement passes on an asset when all its checks pass there "
    "and fails when any of them fails. Checks that could not be evaluated are counted apart and never as passed; a run "
    "in which nothing was evaluated has no score. Waived results count as passed and are listed in the exceptions "
    "register. The weighted score weighs each requirement by the highest severity among its checks. The score is the "
    "scan's: the manual part of a requirement (evidence a scan cannot produce) is not in it, and a requirement with a "
    "manual part is met only once that part is attested as passed.";
const char *const kFindingsIntro =
    "One finding per check that failed on at least one asset, most severe first. The affected assets and subjects are "
    "listed up to a limit; the CSV and JSON exports list every result. Evidence excerpts are cut for readability; the "
    "reference (E-number) names the full stored output in the appendix.";
const char *const kWaiverIntro =
    "Accepted exceptions recorded in the project. A waived result keeps its raw verdict; an expired or ended waiver no "
    "longer applies and its issues count again from the next assessment on.";
const char *const kAttestationIntro =
    "What a scan cannot check is attested by a person, with the evidence files they provided: requirements without "
    "checks, and the manual part of requirements whose checks cover only what shows on a host. The SHA-256 of each "
    "file identifies the copy stored in the project.";
const char *const kEvidenceIntro =
    "Each item is the stored output of one collector on one asset in this run. The SHA-256 is computed over the stored "
    "standard output when it was collected; \u201ctriad-cli results --evidence\u201d prints the output itself.";
const char *const kEvidenceSummarised =
    "This run holds more evidence items than this appendix lists one by one: the items read by findings are listed, "
    "and the evidence of each asset is summarised by a manifest digest, the SHA-256 over the lines \"<sha256>  "
    "<collector>\" of all its items in id order (the JSON export lists every item).";
const char *const kSignOffIntro =
    "By signing, the assessor confirms that the assessment was made as described, and the reviewer that the findings "
    "and exceptions were reviewed with the system owner.";
const char *const kIntegrity =
    "The SHA-256 of this report file is recorded in the project when it is written. \u201ctriad-cli verify-report FILE "
    "--project P.triad\u201d checks a copy against that record, and against its detached signature when one was made.";
} // namespace text

} // namespace triad::report
