// Diffusion: which measures of a plan take up which measures of another (a district plan against the
// municipal plan it implements), how close the text stays, and how the aligned targets compare.
#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "common/result.h"
#include "taxonomy/taxonomy.h"

#include <QHash>

namespace pc {
class Database;
struct Analysis;
} // namespace pc

namespace pc::align {

// What alignment reads of a plan: its measures' text and its targets (from a file's analysis or from
// the database, where corrections apply).
struct MeasureText {
    int number = 0;
    QString title;
    QString body;
    double confidence = 1.0; // the parser's; low where the title is a fragment of interleaved text
};

struct TargetValue {
    int measureNumber = 0;
    QString indicator;
    QString scope;
    QString kind; // level reduce_by increase_by add
    QString comparator;
    std::optional<double> value;
    QString unit;
    QString deadline; // YYYY-MM or empty
    QString quote;
};

struct Plan {
    QString docId;
    QList<MeasureText> measures; // in plan order
    QList<TargetValue> targets;
};

Plan planFrom(const Analysis& analysis);
// A stored plan, its targets as corrected (rejected targets left out). Errors name the doc id.
Result<Plan> planFromDatabase(Database& db, const QString& docId);

enum class Relation { Adopted, Adapted, New, NotTakenUp };
QString relationName(Relation r); // adopted adapted new not_taken_up

struct MeasureLink {
    int measureNumber = 0; // in the plan; 0 on a not_taken_up row
    int againstNumber = 0; // in the other plan; 0 for new
    double similarity = 0; // 0..1 (best against-measure for new rows, which stays below the floor)
    Relation relation = Relation::New;
    bool outOfOrder = false; // taken up outside the order the two plans share
    // The plan's title offered for a fragmentary against-measure title (low parser confidence):
    // inferred, never a replacement of the source.
    QString suggestedTitle;
};

enum class Strictness { Stricter, Same, Looser, NotComparable };
enum class Timing { Earlier, Same, Later, Unknown };
QString strictnessName(Strictness s); // stricter same looser not_comparable
QString timingName(Timing t);         // earlier same later unknown

// A target of the plan beside the target of the aligned against-measure on the same indicator.
struct TargetLink {
    TargetValue target;
    TargetValue against;
    // By the indicator's better direction, in the same unit and kind. Counts that grow with the
    // jurisdiction's size (新增基站5000个 vs 400个, 人次, 亿元 …) are not_comparable: a larger
    // district is not a stricter one.
    Strictness strictness = Strictness::NotComparable;
    Timing timing = Timing::Unknown; // deadline against the other's
};

struct Summary {
    int adopted = 0, adapted = 0, fresh = 0, notTakenUp = 0;
    int stricter = 0, same = 0, looser = 0, notComparable = 0;
};

struct Alignment {
    QString docId;
    QString againstDocId;
    QList<MeasureLink> measures; // one per measure of the plan, in its order; then not_taken_up rows
    QList<TargetLink> targets;
    Summary summary;
};

struct Options {
    double floor = 0.2;              // below this two measures are not the same measure
    double titleWeight = 0.8;        // title-to-title similarity counts this much (titles are short)
    double outOfOrder = 0.6;         // taken up outside the shared order only when this similar
    double adopted = 0.75;           // at or above: near-verbatim
    double fragmentConfidence = 0.6; // against-measures below this get a suggested title
};

// Measures are compared by IDF-weighted character bigrams (cosine over title + body, and title to
// title), which survives interleaved fragments in the other text; a monotone alignment (dynamic
// programming over both plans' order) picks the pairs, so a plan that follows the other's order
// with gaps, renumbering or missing measures aligns measure by measure. `taxonomy` gives each
// indicator's better direction; without it targets are not_comparable.
Alignment align(const Plan& plan, const Plan& against, const Taxonomy* taxonomy, const Options& options = {});
// The same with each indicator's better direction given directly (indicators not in it: not comparable).
Alignment align(const Plan& plan, const Plan& against, const QHash<QString, Direction>& better,
                const Options& options = {});

} // namespace pc::align
