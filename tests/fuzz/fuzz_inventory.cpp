// Inventory files come from customers: CSV, ~/.ssh/config and Ansible INI parsers take any bytes.
#include "inventory/InventoryImport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)triad::InventoryImport::parseCsv(text, QStringLiteral("fuzz.csv"));
    (void)triad::InventoryImport::parseSshConfig(text, QStringLiteral("fuzz_ssh_config"));
    (void)triad::InventoryImport::parseAnsibleIni(text, QStringLiteral("fuzz.ini"));
    return 0;
}
