#pragma once

// QCOMPARE cannot print Triad's enums: ADL picks triad::toString (which returns a QString) over
// QTest's char* printers. Compare them by their words instead, which also reads better on failure.
#include <QTest>

#define QCOMPARE_WORDS(actual, expected) QCOMPARE(triad::toString(actual), triad::toString(expected))
