#pragma once

namespace triad::test {

/// The one-check library the CLI tests scan with: `lab.setting` reads `hardened=` from the file
/// named by the `state_file` parameter (a tailoring points it at a file the test writes), so a
/// test decides a real scan's verdict by writing that file.
inline constexpr const char *kLabCheckLibrary = R"(schema: triad-template/1
kind: checks
id: lab
parameters:
  state_file: {type: path, default: /nonexistent/lab.conf, description: The file the lab check reads}
collectors:
  state: {type: file, path: "${state_file}", parse: {format: keyvalue, separator: "="}}
checks:
  - id: lab.setting
    title: The lab setting is hardened
    description: hardened=yes is set in the lab file.
    rationale: It stands for any configuration setting an auditor checks.
    severity: high
    rules:
      - {from: state, select: {key: hardened}, assert: {op: eq, value: "yes"}, on_missing: fail}
    remediation: {summary: Set hardened=yes.}
    verification: {steps: ["cat the lab file"], expected: hardened=yes}
)";

} // namespace triad::test
