#pragma once

#include "common/Result.h"
#include "model/TemplateModel.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace triad {

/// Every template Triad knows, loaded and cross-checked as one: duplicate ids, requirements
/// that map to unknown checks, rules reading unknown collectors, unknown predicates, defaults
/// for unknown parameters. Nothing is half-loaded: any error and there is no catalog.
class Catalog {
public:
    /// A folder means its *.yaml and checks/*.yaml. Every problem found is appended to
    /// `allErrors`; the returned Error is the first.
    static Result<Catalog> load(const QStringList &filesOrDirs, QList<Error> *allErrors = nullptr);

    [[nodiscard]] const QList<CheckLibrary> &libraries() const { return m_libraries; }
    [[nodiscard]] const QList<AssessmentTemplate> &assessments() const { return m_assessments; }
    [[nodiscard]] const CheckLibrary *library(const QString &id) const;
    [[nodiscard]] const AssessmentTemplate *assessment(const QString &id) const;
    [[nodiscard]] const CheckDef *findCheck(const QString &id) const;
    [[nodiscard]] const CheckLibrary *libraryOfCheck(const QString &checkId) const;

private:
    void index();

    QList<CheckLibrary> m_libraries;
    QList<AssessmentTemplate> m_assessments;
    QHash<QString, qsizetype> m_libraryIndex;
    QHash<QString, qsizetype> m_assessmentIndex;
    QHash<QString, std::pair<qsizetype, qsizetype>> m_checkIndex;   // check id -> (library, check)
};

} // namespace triad
