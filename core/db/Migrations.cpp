#include "Migrations.h"

namespace triad::Migrations {

namespace {

// Version 1: the tables of DESIGN.md §4. Statuses are checked by the database itself so that a
// bug elsewhere cannot store a word the readers do not know.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE project ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " name TEXT NOT NULL,"
                       " customer TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE credentials ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " kind TEXT NOT NULL CHECK (kind IN ('password','key-passphrase','sudo-password','private-key','token','secret')),"
                       " sealed BLOB NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE assets ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " kind TEXT NOT NULL DEFAULT 'linux',"
                       " transport TEXT NOT NULL CHECK (transport IN ('local','ssh','docker','k8s','aws')),"
                       " address TEXT NOT NULL DEFAULT '',"
                       " port INTEGER NOT NULL DEFAULT 22 CHECK (port BETWEEN 1 AND 65535),"
                       " user TEXT NOT NULL DEFAULT '',"
                       " tags TEXT NOT NULL DEFAULT '[]',"
                       " credential_ref TEXT NOT NULL DEFAULT '',"
                       " host_key_sha256 TEXT NOT NULL DEFAULT '',"
                       " use_sudo INTEGER NOT NULL DEFAULT 0,"
                       " proxy_jump TEXT NOT NULL DEFAULT '',"
                       " notes TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE templates_used ("
                       " id INTEGER PRIMARY KEY,"
                       " template_id TEXT NOT NULL,"
                       " version TEXT NOT NULL,"
                       " sha256 TEXT NOT NULL,"
                       " content BLOB NOT NULL,"
                       " first_used_at TEXT NOT NULL,"
                       " UNIQUE (template_id, sha256))"),
        QStringLiteral("CREATE TABLE tailorings ("
                       " id INTEGER PRIMARY KEY,"
                       " template_id TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1,"
                       " yaml TEXT NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " UNIQUE (template_id, name, version))"),
        QStringLiteral("CREATE TABLE runs ("
                       " id INTEGER PRIMARY KEY,"
                       " template_id TEXT NOT NULL,"
                       " template_version TEXT NOT NULL,"
                       " template_sha256 TEXT NOT NULL DEFAULT '',"
                       " template_title TEXT NOT NULL DEFAULT '',"
                       " tailoring_name TEXT NOT NULL DEFAULT '',"
                       " parameters_json TEXT NOT NULL DEFAULT '{}',"
                       " started_at TEXT NOT NULL,"
                       " finished_at TEXT,"
                       " status TEXT NOT NULL CHECK (status IN ('running','completed','incomplete','cancelled','failed')),"
                       " operator TEXT NOT NULL DEFAULT '',"
                       " app_version TEXT NOT NULL DEFAULT '',"
                       " pid INTEGER NOT NULL DEFAULT 0,"
                       " hostname TEXT NOT NULL DEFAULT '',"
                       " derived_from_run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL)"),
        QStringLiteral("CREATE TABLE run_assets ("
                       " id INTEGER PRIMARY KEY,"
                       " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,"
                       " asset_name TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('pending','ok','unreachable','error','cancelled')),"
                       " error TEXT NOT NULL DEFAULT '',"
                       " duration_ms INTEGER NOT NULL DEFAULT 0,"
                       " facts_json TEXT NOT NULL DEFAULT '{}',"
                       " UNIQUE (run_id, asset_name))"),
        QStringLiteral("CREATE TABLE evidence ("
                       " id INTEGER PRIMARY KEY,"
                       " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,"
                       " collector_key TEXT NOT NULL,"
                       " command TEXT NOT NULL DEFAULT '',"
                       " exit_code INTEGER NOT NULL,"
                       " stdout BLOB NOT NULL,"
                       " stderr BLOB NOT NULL,"
                       " truncated INTEGER NOT NULL DEFAULT 0,"
                       " status TEXT NOT NULL CHECK (status IN ('ok','timeout','error','skipped')),"
                       " error TEXT NOT NULL DEFAULT '',"
                       " sha256 TEXT NOT NULL,"
                       " collected_at TEXT NOT NULL,"
                       " duration_ms INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX evidence_run_asset ON evidence (run_id, asset_id)"),
        QStringLiteral("CREATE TABLE results ("
                       " id INTEGER PRIMARY KEY,"
                       " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,"
                       " asset_name TEXT NOT NULL,"
                       " check_id TEXT NOT NULL,"
                       " subject TEXT NOT NULL DEFAULT '',"
                       " title TEXT NOT NULL DEFAULT '',"
                       " severity TEXT NOT NULL CHECK (severity IN ('info','low','medium','high','critical')),"
                       " raw_status TEXT NOT NULL CHECK (raw_status IN ('pass','fail','error','not_applicable','manual')),"
                       " status TEXT NOT NULL CHECK (status IN ('pass','fail','error','not_applicable','manual','waived')),"
                       " expected TEXT NOT NULL DEFAULT '',"
                       " actual TEXT NOT NULL DEFAULT '',"
                       " message TEXT NOT NULL DEFAULT '',"
                       " requirements_json TEXT NOT NULL DEFAULT '[]')"),
        QStringLiteral("CREATE INDEX results_run_asset ON results (run_id, asset_id)"),
        QStringLiteral("CREATE INDEX results_check ON results (check_id)"),
        QStringLiteral("CREATE TABLE result_evidence ("
                       " result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,"
                       " evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,"
                       " PRIMARY KEY (result_id, evidence_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE issues ("
                       " id INTEGER PRIMARY KEY,"
                       " asset_name TEXT NOT NULL,"
                       " check_id TEXT NOT NULL,"
                       " subject TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL CHECK (state IN ('open','fixed')),"
                       " severity TEXT NOT NULL CHECK (severity IN ('info','low','medium','high','critical')),"
                       " title TEXT NOT NULL DEFAULT '',"
                       " first_seen_run INTEGER NOT NULL REFERENCES runs(id),"
                       " last_seen_run INTEGER NOT NULL REFERENCES runs(id),"
                       " fixed_run INTEGER REFERENCES runs(id),"
                       " regressions INTEGER NOT NULL DEFAULT 0,"
                       " UNIQUE (asset_name, check_id, subject))"),
        QStringLiteral("CREATE TABLE issue_events ("
                       " id INTEGER PRIMARY KEY,"
                       " issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,"
                       " run_id INTEGER REFERENCES runs(id),"
                       " event TEXT NOT NULL CHECK (event IN ('opened','fixed','regressed','waived','unwaived')),"
                       " at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE waivers ("
                       " id INTEGER PRIMARY KEY,"
                       " check_id TEXT NOT NULL,"
                       " asset_scope TEXT NOT NULL DEFAULT '',"
                       " justification TEXT NOT NULL,"
                       " approver TEXT NOT NULL,"
                       " ticket TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL,"
                       " expires_at TEXT NOT NULL,"
                       " ended_at TEXT)"),
        QStringLiteral("CREATE TABLE attestations ("
                       " id INTEGER PRIMARY KEY,"
                       " template_id TEXT NOT NULL,"
                       " requirement_id TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('pass','fail')),"
                       " statement TEXT NOT NULL,"
                       " attester TEXT NOT NULL,"
                       " attested_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE attestation_files ("
                       " id INTEGER PRIMARY KEY,"
                       " attestation_id INTEGER NOT NULL REFERENCES attestations(id) ON DELETE CASCADE,"
                       " file_name TEXT NOT NULL,"
                       " content BLOB NOT NULL,"
                       " sha256 TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY,"
                       " at TEXT NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " details TEXT NOT NULL DEFAULT '')"),
    };
}

// Version 2: the credential vault. `vault` holds one sealed check value that tells a right
// passphrase from a wrong one before anything is sealed with it; an asset names its sudo password
// apart from its login credential.
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE vault ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " check_value BLOB NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("ALTER TABLE assets ADD COLUMN sudo_credential_ref TEXT NOT NULL DEFAULT ''"),
    };
}

// Version 3: the issue lifecycle and tailoring history. An issue remembers the waiver that covered
// it when last seen (so that an ended or expired waiver is noticed and recorded as "unwaived"); a
// run names the stored tailoring version it used; a tailoring keeps the SHA-256 of its text.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE issues ADD COLUMN waiver_id INTEGER REFERENCES waivers(id) ON DELETE SET NULL"),
        QStringLiteral("ALTER TABLE waivers ADD COLUMN created_by TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE tailorings ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE runs ADD COLUMN tailoring_id INTEGER REFERENCES tailorings(id) ON DELETE SET NULL"),
        QStringLiteral("CREATE INDEX issues_state ON issues (state, severity)"),
        QStringLiteral("CREATE INDEX issue_events_issue ON issue_events (issue_id)"),
        QStringLiteral("CREATE INDEX waivers_check ON waivers (check_id)"),
    };
}

// Version 4: exported reports. Each file written by `triad-cli report` (or the GUI) is recorded
// with the SHA-256 of its bytes, so that a report can later be checked against the project.
QStringList version4()
{
    return {
        QStringLiteral("CREATE TABLE reports ("
                       " id INTEGER PRIMARY KEY,"
                       " run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
                       " format TEXT NOT NULL CHECK (format IN ('pdf','html','csv','json','junit','oscal')),"
                       " file_name TEXT NOT NULL DEFAULT '',"
                       " sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
                       " size INTEGER NOT NULL DEFAULT 0,"
                       " paper TEXT NOT NULL DEFAULT '',"
                       " created_by TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL,"
                       " signature_sha256 TEXT NOT NULL DEFAULT '',"
                       " signer_subject TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX reports_sha256 ON reports (sha256)"),
    };
}

// Version 5: where each asset's assessment spent its time (connect, authentication, collection,
// evaluation, storage) and its SSH traffic, so that a slow fleet shows its slowest part.
QStringList version5()
{
    return {
        QStringLiteral("ALTER TABLE run_assets ADD COLUMN timings_json TEXT NOT NULL DEFAULT '{}'"),
    };
}

} // namespace

QList<QStringList> steps()
{
    return {version1(), version2(), version3(), version4(), version5()};
}

int latestVersion()
{
    return int(steps().size());
}

} // namespace triad::Migrations
