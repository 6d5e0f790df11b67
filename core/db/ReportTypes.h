#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

namespace triad {

/// One exported report as the project remembers it (table `reports`, schema 4): what file was
/// written from which run, and the SHA-256 of its bytes, so that `verify-report` can tell a
/// report handed to an auditor from one changed afterwards.
struct ReportRecord {
    qint64 id = 0;
    qint64 runId = 0;
    QString format;             ///< pdf, html, csv, json, junit, oscal
    QString fileName;           ///< as given on export (for people; verification uses the hash)
    QString sha256;             ///< lower-case hex of the file's bytes
    qint64 size = 0;
    QString paper;              ///< a4, letter (pdf), else empty
    QString createdBy;
    QDateTime createdAt;
    QString signatureSha256;    ///< of the detached signature file, empty when not signed
    QString signerSubject;      ///< subject of the signing certificate, empty when not signed
};

/// One evidence row without its output: what a report's evidence register lists.
struct EvidenceSummary {
    qint64 id = 0;
    qint64 assetId = 0;
    QString assetName;
    QString collectorKey;
    QString command;
    int exitCode = -1;
    QString status;             ///< ok, timeout, error, skipped
    bool truncated = false;
    qint64 size = 0;            ///< bytes of stored standard output
    QString sha256;
    QDateTime collectedAt;
};

} // namespace triad
