// Interleaved PDF extraction (table columns woven into sentences, passages repeated): best-effort measures.
#pragma once

#include "parsecontext.h"

namespace pc::parse {

// Returns the number of measures added.
int parseInterleaved(ParseContext& ctx);

} // namespace pc::parse
