#pragma once

#include <QStringList>

namespace triad::Migrations {

/// The SQL of step N takes a database from schema version N-1 to N. Steps are applied in order,
/// each in one transaction with its user_version bump. Never edit a released step: add one.
QList<QStringList> steps();

/// Highest schema version this build knows.
int latestVersion();

/// SQLite's application_id of Triad project files: "TRAD".
constexpr int kApplicationId = 0x54524144;

} // namespace triad::Migrations
