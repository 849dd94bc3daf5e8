// Repairs the text layer of PDFs written by Qt: its ToUnicode maps send CJK glyphs shared with the
// Kangxi radicals (⽤ U+2F64) to the radical instead of the ideograph (用 U+7528), so copied or
// extracted Chinese text is wrong. Rewrites those entries in place (same length, xref stays valid).
#pragma once

#include <QByteArray>

namespace pc::ui {

// Returns how many entries were rewritten.
int repairPdfToUnicode(QByteArray& pdf);

} // namespace pc::ui
