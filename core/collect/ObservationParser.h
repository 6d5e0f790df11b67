#pragma once

#include "model/Evidence.h"
#include "model/TemplateModel.h"

namespace triad {

/// Turns one collector's raw output into what rules read (see the header of each type in
/// CollectionScript.cpp for the raw formats). Pure: evaluation can be repeated from stored
/// evidence alone. Never returns a Value for output that could not be collected.
Observation parseObservation(const CollectorDef &spec, const RawOutput &raw);

} // namespace triad
