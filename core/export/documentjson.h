// The whole Document model as JSON (metadata, sections, measures with units and source offsets, issues).
#pragma once

#include "model/document.h"

#include <QJsonObject>

namespace pc {

QJsonObject documentToJson(const Document& doc);
QJsonObject measureToJson(const Measure& m, bool withOffsets = true);
QJsonObject spanToJson(const Span& s);

} // namespace pc
