// Targets of a whole document: runs the grammar on every measure body, maps positions back to the
// source, applies row deadlines, classifies and removes repeats.
#pragma once

#include "model/document.h"
#include "model/target.h"

#include <QList>
#include <QStringView>

namespace pc {

class Classifier;

// Measures must already carry their canonical area (Classifier::classifyMeasure).
QList<Target> extractTargets(const Document& doc, const Classifier& classifier);
// The same, with the document's dominant area (Classifier::dominantArea of its first 1,500 characters)
// already known: the pipeline computes it once for the measures and the targets.
QList<Target> extractTargets(const Document& doc, const Classifier& classifier, const QString& documentArea);

// A line (trimmed) that heads what follows: 一、 （二） 第三章, or a short name ending in 目标, 要求, 任务,
// 思路 or 原则 — the heading a target's classification reads. Public for its test.
bool isHeadingLine(QStringView line);

} // namespace pc
