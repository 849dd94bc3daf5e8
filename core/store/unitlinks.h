// A measure's unit links (lead and partner agencies) packed into one value on the measure row (schema 22).
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>

#include <optional>

struct sqlite3;

namespace pc::store::unitlinks {

// One link as measure_agencies had it: the agency, its role (kLeadRole 0, kPartnerRole 1), its place
// among the measure's units (counted across both roles) and the unit's spelling where it differs from the
// agency's name (null otherwise).
struct Link {
    qint64 agency = 0;
    int role = 0;
    qint64 ordinal = 0;
    QByteArray written; // UTF-8; isNull() where the spelling is the agency's name
    bool operator==(const Link&) const = default;
};

// SQLite keeps a measure's links in measures.unit_links (NULL without links), in ordinal order, each a
// varint head (agency id << 3 | partner << 2 | has spelling << 1 | explicit ordinal) then the ordinal as
// a varint where it is not the previous one + 1 (the first: 0), then the spelling's length and UTF-8
// where it has one: 2–3 bytes a link instead of a row and an index entry (about 29 bytes). Roles other
// than 0 read as 1 (the reader's rule since migration 18). Empty for no links.
QByteArray pack(QList<Link> links);
// The links of a packed value; nullopt when it is damaged.
std::optional<QList<Link>> unpack(const char* data, qsizetype size);

// pc_links(agency_id, role, ordinal, written) (aggregate: the packed value of a measure's rows, NULL for
// none), pc_links_add(value, agency_id, role, ordinal, written) (the value with one more link; an error
// when the measure has one at that role and ordinal, as the old primary key), pc_links_json(value)
// ([[agency_id, role, ordinal, written or null], …] for the view measure_agencies) and
// pc_links_agencies(value) ([agency_id, …], each once, for the trigger that removes a deleted measure's
// rows of agency_measures).
Status registerFunctions(sqlite3* db);

} // namespace pc::store::unitlinks
