#pragma once

// The run document moved to the reports library, where the report JSON builds on it.
#include "reports/RunJson.h"
