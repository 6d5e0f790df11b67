#pragma once

#include "common/Result.h"
#include "model/TemplateModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace triad {

/// One parsed template file: a check library or an assessment template.
struct LoadedTemplate {
    std::optional<CheckLibrary> library;
    std::optional<AssessmentTemplate> assessment;
};

/// Reads schema triad-template/1 (DESIGN.md §3). Every problem of the file is reported, each
/// with file:line:column and the key path ("checks[3].rules[0].assert.op: …"); yaml-cpp's
/// exceptions end here. Checks that need the other files (unknown check ids, duplicate ids
/// across libraries) are the Catalog's.
class TemplateLoader {
public:
    static Result<LoadedTemplate> loadFile(const QString &path, QList<Error> *allErrors = nullptr);
    static Result<LoadedTemplate> loadText(const QByteArray &text, const QString &fileName,
                                           QList<Error> *allErrors = nullptr);
};

/// Parameter names referenced as ${name} in `text`.
QStringList parameterReferences(const QString &text);

} // namespace triad
