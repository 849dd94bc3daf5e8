// Numbered prose (一、 / （一） with 牵头单位 clauses / 1. measures) and the generic fallback.
#pragma once

#include "parsecontext.h"

namespace pc::parse {

struct ProseOptions {
    bool generic = false;  // also accept （1） items and, failing any numbering, plain paragraphs
    int skipFromLine = -1; // lines from here on belong to a table parsed elsewhere
    bool measures = true;  // false: only record the section headings
};

// Returns the number of measures added.
int parseProse(ParseContext& ctx, const ProseOptions& options);

} // namespace pc::parse
