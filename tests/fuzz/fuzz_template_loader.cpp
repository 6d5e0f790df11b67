// Any bytes given to the template and tailoring loaders give a template or a list of errors:
// never a crash, an exception escaping, a hang or undefined behaviour.
#include "engine/TailoringLoader.h"
#include "engine/TemplateLoader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<triad::Error> errors;
    (void)triad::TemplateLoader::loadText(text, QStringLiteral("fuzz.yaml"), &errors);
    (void)triad::TailoringLoader::loadText(text, QStringLiteral("fuzz-tailoring.yaml"));
    return 0;
}
