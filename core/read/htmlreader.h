// Reading a saved web page: its encoding, its article (not the site's chrome), tables as rows.
#pragma once

#include "common/result.h"
#include "read/readresult.h"

#include <QByteArray>

namespace pc::read {

// The encoding comes from a BOM, <meta charset>, or <meta http-equiv="Content-Type">; GB2312, GBK
// and GB18030 labels all decode as GB18030; undeclared pages are UTF-8 unless they only make
// sense as GB18030. The article is the block container with the most sentence-like text
// (punctuation, little link text), helped by class/id hints; navigation, headers, footers,
// scripts and styles are left out. Origins: one run per output line (Origin::block = its index).
// Errors: "too-large", "undecodable", "no-article", "empty-file".
Result<ReadResult> readHtml(const QByteArray& bytes, const QString& path, const ReadOptions& options = {});

// The encoding a page declares ("GB18030", "UTF-8", another codec name) or empty; exposed for tests.
QString declaredHtmlEncoding(const QByteArray& bytes);

} // namespace pc::read
