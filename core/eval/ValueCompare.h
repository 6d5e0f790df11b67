#pragma once

#include "model/TemplateModel.h"

#include <QRegularExpression>
#include <QString>
#include <QVariant>

#include <optional>

namespace triad {

/// The verdict of one assertion on one value: passed, or why not. `error` means the comparison
/// itself was impossible (a regex that does not compile), which is never a pass nor a fail.
struct AssertOutcome {
    bool passed = false;
    QString error;
    [[nodiscard]] bool isError() const { return !error.isEmpty(); }
};

/// Applies an assertion to one actual value (no quantifier: see Evaluator). Pure.
class Assertion {
public:
    /// Prepares `def` once (compiles a regex, parses the expected mode).
    explicit Assertion(const AssertDef &def);
    AssertOutcome test(const QVariant &actual) const;
    /// "<= 4", "matches /^no$/", "in [1, 2]" — for the expected text of a result.
    [[nodiscard]] QString describe() const;

private:
    AssertOutcome compare(const QVariant &actual, const QVariant &expected) const;
    bool equals(const QVariant &actual, const QVariant &expected) const;

    AssertDef m_def;
    QRegularExpression m_regex;
    QString m_regexError;
};

/// Renders a value for an auditor: strings as they are, lists shortened after 10 elements.
QString describeValue(const QVariant &value);

/// Dotted or dashed versions, compared segment by segment ("1.10.2" > "1.9"); -1, 0, 1.
int compareVersions(const QString &a, const QString &b);

std::optional<qint64> toInteger(const QVariant &v);
std::optional<bool> toBoolean(const QVariant &v);
/// "0644", "644", 420 -> 0644. Only permission bits (07777) are meaningful.
std::optional<uint> toMode(const QVariant &v);

} // namespace triad
