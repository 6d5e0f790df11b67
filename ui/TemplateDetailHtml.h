#pragma once

#include "model/TemplateModel.h"

#include <QString>

namespace triad {

class Catalog;

/// Escaped HTML for the Templates view's detail pane.
namespace TemplateDetailHtml {

/// A requirement: section, title, mapping note, its automated checks or, for a manual one, the
/// evidence to ask for and what it must show.
QString requirement(const Catalog &catalog, const AssessmentTemplate &assessment, const RequirementDef &requirement);

/// A check: severity, description and rationale, how it is checked (collectors and assertions in
/// plain words), the parameters it reads, remediation, manual verification, the requirements of
/// every template that map to it, and its references.
QString check(const Catalog &catalog, const CheckDef &check);

/// One collector in words: "runs `sshd -T` (with sudo), read as key/value pairs".
QString describeCollector(const CollectorDef &collector);
/// One rule in words: "`permitrootlogin` from sshd_effective, else sshd_config_file, equals "no"
/// (case ignored); missing: fail".
QString describeRule(const RuleDef &rule);

} // namespace TemplateDetailHtml

} // namespace triad
