// Recognising a file's format from its bytes (magic numbers, zip members, markup), never its name.
#pragma once

#include "read/readresult.h"

#include <QByteArray>

namespace pc::read {

// Text is the answer for anything not recognised as another format (the text decoder then decides
// whether it is text at all). A zip archive without word/document.xml or OFD.xml, and an OLE2 file
// that is not a Word document, are Unknown.
Format detectFormat(const QByteArray& bytes);

// Offset of the first byte after a UTF-8 BOM, whitespace and HTML comments / <?xml …?>
// declarations; where an HTML document's first tag would be.
qsizetype skipMarkupPreamble(const QByteArray& bytes);

} // namespace pc::read
