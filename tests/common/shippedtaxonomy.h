// The taxonomy the product ships (resources/taxonomy/indicators.json), loaded once per test binary:
// tests must not depend on a user's own indicators.json.
#pragma once

#include "common/datapaths.h"
#include "taxonomy/taxonomy.h"

#include <gtest/gtest.h>

namespace pc::test {

inline const Taxonomy& shippedTaxonomy() {
    static const Taxonomy t = [] {
        const Result<QString> path = findDataFile(QStringLiteral("taxonomy/indicators.json"));
        EXPECT_TRUE(path.ok()) << path.errorMessage().toStdString();
        Result<Taxonomy> r = Taxonomy::load(path.value());
        EXPECT_TRUE(r.ok()) << r.errorMessage().toStdString();
        return r.value();
    }();
    return t;
}

} // namespace pc::test
