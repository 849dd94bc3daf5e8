// Targets of a whole document: runs the grammar on every measure body, maps positions back to the
// source, applies row deadlines, classifies and removes repeats.
#pragma once

#include "model/document.h"
#include "model/target.h"

#include <QList>

namespace pc {

class Classifier;

// Measures must already carry their canonical area (Classifier::classifyMeasure).
QList<Target> extractTargets(const Document& doc, const Classifier& classifier);

} // namespace pc
