#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace triad {

/// One host read from an inventory file, before it becomes a project asset.
struct ImportedHost {
    QString name;
    QString address;
    int port = 22;
    QString user;
    QString keyFile;
    QString proxyJump;      ///< "[user@]host[:port]" of a jump host, empty = direct
    QStringList tags;
    int line = 0;           ///< where it was defined, for messages
};

/// Readers for the inventories auditors already have (DESIGN.md §7). Each rejects what it cannot
/// understand with "file:line: what is wrong" rather than guessing.
namespace InventoryImport {

enum class Format { Csv, SshConfig, AnsibleIni };

/// By extension and content: *.csv -> CSV; a file with "Host " lines -> ssh config; else INI.
Format detect(const QString &path, const QByteArray &content);

/// CSV with a header row. Columns (any order, case-insensitive): name (required), address
/// (default: name), port, user, key, proxy_jump, tags (separated by ',' or ';' inside quotes).
Result<QList<ImportedHost>> parseCsv(const QByteArray &content, const QString &fileName);

/// OpenSSH client config: Host blocks with HostName, Port, User, IdentityFile, ProxyJump.
/// Wildcard patterns ("Host *", "web-*") are not hosts: their settings apply as defaults to the
/// hosts they match, as ssh(1) would apply them (first value wins).
Result<QList<ImportedHost>> parseSshConfig(const QByteArray &content, const QString &fileName);

/// Ansible INI inventory: [group] sections become tags, [group:children] nest groups,
/// [group:vars] are ignored except ansible_user/ansible_port; host lines may carry
/// ansible_host, ansible_port, ansible_user, ansible_ssh_private_key_file.
Result<QList<ImportedHost>> parseAnsibleIni(const QByteArray &content, const QString &fileName);

/// Reads `path` and parses it in the detected (or given) format.
Result<QList<ImportedHost>> importFile(const QString &path, std::optional<Format> format = std::nullopt);

} // namespace InventoryImport

} // namespace triad
