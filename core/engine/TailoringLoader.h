#pragma once

#include "common/Result.h"
#include "model/TemplateModel.h"

namespace triad {

class Catalog;

/// Reads a tailoring (per-project adjustments of an assessment template):
///   tailoring: {template: pci-dss-4, name: ACME production}
///   parameters: {ssh_max_auth_tries: 3}
///   disable: [{check: fs.suid-inventory, reason: "Covered by EDR (SEC-42)"}]
///   severity: {ssh.max-auth-tries: high}
/// Errors name file:line:column. Whether the values fit the template is checked by
/// validateTailoring (and by the Planner, which refuses an invalid tailoring).
class TailoringLoader {
public:
    static Result<Tailoring> loadFile(const QString &path);
    static Result<Tailoring> loadText(const QByteArray &text, const QString &fileName);
};

/// Every way `tailoring` does not fit `catalog`: unknown template, unknown or out-of-bound
/// parameters, disabling a check the template does not have, a severity for an unknown check.
QList<Error> validateTailoring(const Catalog &catalog, const Tailoring &tailoring);

} // namespace triad
