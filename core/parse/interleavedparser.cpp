// Interleaved text: find the numbered measures in order, de-duplicate repeats, drop unit fragments.
#include "interleavedparser.h"

namespace pc::parse {

int parseInterleaved(ParseContext& ctx) {
    Q_UNUSED(ctx);
    return 0;
}

} // namespace pc::parse
