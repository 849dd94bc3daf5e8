// Document metadata read from a plan's head: issuer, 文号, issue date, title, jurisdiction, level, year.
#pragma once

#include "common/manifest.h"
#include "model/document.h"

#include <QString>

namespace pc::parse {

// Reads what the text states; fields left empty are filled from `manifest` (if given) and listed in
// meta.fromManifest.
DocumentMeta readMetadata(const QString& normalizedText, const ManifestEntry* manifest);

} // namespace pc::parse
