// Diffusion over a set of plans: which plan each district plan implements (the one its text names by
// 文号, else the municipal plan of its year or the latest before it), and the alignments of them all.
#pragma once

#include "align/alignment.h"
#include "compare/comparison.h"

#include <QList>
#include <QPair>

namespace pc::align {

// (district doc id, the doc id of the plan it implements) for each plan of `selected` that is not
// municipal and has such a plan among `all`: the plan whose 文号 its text names
// (PlanInfo::implementsDocNumber), else the municipal plan with the latest year not after its own,
// else the earliest municipal plan.
QList<QPair<QString, QString>> diffusionPairs(const QList<PlanInfo>& selected, const QList<PlanInfo>& all);

// Aligns every pair from the database (corrections applied), each indicator's better direction from
// the stored taxonomy. Errors name the plan.
Result<QList<Alignment>> diffusionOf(Database& db, const QList<PlanInfo>& selected,
                                     const QList<PlanInfo>& all, const Options& options = {});

} // namespace pc::align
