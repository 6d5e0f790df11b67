#pragma once

#include "model/TemplateModel.h"

#include <QString>

#include <optional>

namespace triad {

class Catalog;
class ProjectDatabase;
struct RunInfo;

/// The assessment template a stored run was made with, for scoring and reporting it.
///
/// The text stored in the project with the run (by its SHA-256) comes first: it is exactly what
/// the run used, even after the installed template changed. Else the installed template of that
/// id, which may be another version (`sameAsRun` says which). Empty when neither exists.
class RunTemplate {
public:
    static RunTemplate of(ProjectDatabase &db, const RunInfo &run, const Catalog *catalog);

    [[nodiscard]] const AssessmentTemplate *get() const { return m_pointer; }
    /// The run's own version (stored text, or an installed one with the same SHA-256).
    [[nodiscard]] bool sameAsRun() const { return m_sameAsRun; }
    /// In words, for a report's cover.
    [[nodiscard]] QString source() const { return m_source; }

    RunTemplate(const RunTemplate &other) { *this = other; }
    RunTemplate &operator=(const RunTemplate &other);
    RunTemplate() = default;

private:
    std::optional<AssessmentTemplate> m_stored;
    const AssessmentTemplate *m_pointer = nullptr; ///< into m_stored, or into the catalog
    bool m_sameAsRun = false;
    QString m_source;
};

} // namespace triad
