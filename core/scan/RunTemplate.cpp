#include "RunTemplate.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/TemplateLoader.h"

namespace triad {

RunTemplate RunTemplate::of(ProjectDatabase &db, const RunInfo &run, const Catalog *catalog)
{
    RunTemplate t;
    if (auto content = db.templateContent(run.templateId, run.templateSha256); content && !content->isEmpty()) {
        auto loaded = TemplateLoader::loadText(*content, QStringLiteral("%1 (stored with run %2)").arg(run.templateId).arg(run.id));
        if (loaded && loaded->assessment) {
            t.m_stored = *loaded->assessment;
            t.m_pointer = &*t.m_stored;
            t.m_sameAsRun = true;
            t.m_source = QStringLiteral("the template text stored with the run");
            return t;
        }
    }
    if (const AssessmentTemplate *installed = catalog ? catalog->assessment(run.templateId) : nullptr) {
        t.m_pointer = installed;
        t.m_sameAsRun = installed->contentSha256 == run.templateSha256;
        t.m_source = t.m_sameAsRun
            ? QStringLiteral("the installed template (same SHA-256 as the run)")
            : QStringLiteral("the installed template version %1 (the run used another version)").arg(installed->version);
        return t;
    }
    t.m_source = QStringLiteral("the results only (the template is neither stored nor installed)");
    return t;
}

RunTemplate &RunTemplate::operator=(const RunTemplate &other)
{
    if (this == &other)
        return *this;
    m_stored = other.m_stored;
    // A pointer into the other's stored copy must point into ours.
    m_pointer = other.m_stored ? &*m_stored : other.m_pointer;
    m_sameAsRun = other.m_sameAsRun;
    m_source = other.m_source;
    return *this;
}

} // namespace triad
