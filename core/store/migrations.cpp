// Schema steps of the PlanCompare database, the same numbered steps on SQLite and PostgreSQL.
//
// How to add a step (never edit a released one): append {n, name, statements, sqlite, postgres} to
// buildMigrations() with the next number (all five members, {} where empty: -Werror).
//  - `statements`: plain SQL both engines run, written the SQLite way (INTEGER PRIMARY KEY, INTEGER,
//    REAL, BLOB, TEXT); on PostgreSQL dialect.cpp's translateDdl() turns the type names into
//    identity BIGINT, BIGINT, DOUBLE PRECISION and BYTEA. CREATE TABLE / INDEX, ALTER TABLE … ADD
//    COLUMN, INSERT/UPDATE without engine functions are portable.
//  - `sqlite`, `postgres`: statements only that engine runs, after the shared ones (virtual tables,
//    triggers, functions, collations, indexes of one engine). A step may be entirely per engine.
// Each step runs in one transaction together with the new schema version (PRAGMA user_version on
// SQLite, table plancompare_schema on PostgreSQL, under an advisory lock so two clients opening a new
// database do not both migrate it). Steps 1–5 are the SQLite schema as released; 6 is reserved for
// plan metadata (another branch); steps of the team database start at 7
// (7: row versions, authors, target history; 8: the search index written once per plan; 9: PostgreSQL
// search and import speed; 10: the row version in SQLite's comparison index; 11: SQLite's search
// index with one token per character position; 12: SQLite's comparison index with few columns).
#include "migrations.h"

#include "targettext.h"

#include "cjktokenizer.h"
#include "dialect.h"
#include "sqlutil.h"

#include <initializer_list>

namespace pc::store {

namespace {

QList<Migration> buildMigrations() {
    QList<Migration> m;
    // 1: plans, their structure and targets; taxonomy snapshot; user overrides and notes.
    // Targets keep the parsed values (p_*) beside the effective ones so that overrides can be
    // re-applied from scratch after every re-import and undone without re-parsing.
    m.append(
        {1,
         QStringLiteral("base schema"),
         {
             QStringLiteral("CREATE TABLE documents("
                            "id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, jurisdiction TEXT NOT NULL "
                            "DEFAULT '', level TEXT NOT NULL DEFAULT '', year INTEGER NOT NULL DEFAULT 0, "
                            "doc_number TEXT, issuer TEXT, issued_on TEXT, title TEXT, source_path TEXT, "
                            "sha256 TEXT NOT NULL, layout TEXT, encoding TEXT, parse_confidence REAL, "
                            "imported_at TEXT)"),
             QStringLiteral("CREATE TABLE sources(document_id INTEGER PRIMARY KEY REFERENCES documents(id) "
                            "ON DELETE CASCADE, text TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE sections(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
                            "REFERENCES documents(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, "
                            "parent_ordinal INTEGER, level INTEGER, label TEXT, heading TEXT, span_start "
                            "INTEGER, span_end INTEGER)"),
             QStringLiteral("CREATE INDEX sections_document ON sections(document_id)"),
             QStringLiteral("CREATE TABLE measures(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
                            "REFERENCES documents(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, "
                            "section_ordinal INTEGER, number INTEGER, title TEXT NOT NULL DEFAULT '', body "
                            "TEXT NOT NULL DEFAULT '', units TEXT NOT NULL DEFAULT '', area_heading TEXT, "
                            "area TEXT, parsed_area TEXT, area_override INTEGER, deadline TEXT, remark TEXT, "
                            "span_start INTEGER, span_end INTEGER, title_start INTEGER, title_end INTEGER, "
                            "confidence REAL)"),
             QStringLiteral("CREATE INDEX measures_document ON measures(document_id, ordinal)"),
             QStringLiteral("CREATE INDEX measures_area ON measures(area)"),
             QStringLiteral("CREATE TABLE agencies(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
             QStringLiteral("CREATE TABLE measure_agencies(measure_id INTEGER NOT NULL REFERENCES "
                            "measures(id) ON DELETE CASCADE, agency_id INTEGER NOT NULL REFERENCES "
                            "agencies(id), role TEXT NOT NULL, ordinal INTEGER NOT NULL, written TEXT, "
                            "PRIMARY KEY(measure_id, role, ordinal)) WITHOUT ROWID"),
             QStringLiteral("CREATE INDEX measure_agencies_agency ON measure_agencies(agency_id)"),
             QStringLiteral("CREATE TABLE targets(id INTEGER PRIMARY KEY, measure_id INTEGER NOT NULL "
                            "REFERENCES measures(id) ON DELETE CASCADE, document_id INTEGER NOT NULL "
                            "REFERENCES documents(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, "
                            "area TEXT, indicator TEXT, scope TEXT, kind TEXT, comparator TEXT, value REAL, "
                            "unit TEXT, baseline REAL, deadline TEXT, "
                            "p_area TEXT, p_indicator TEXT, p_scope TEXT, p_kind TEXT, p_comparator TEXT, "
                            "p_value REAL, p_unit TEXT, p_baseline REAL, p_deadline TEXT, "
                            "span_start INTEGER, span_end INTEGER, quote TEXT, sentence TEXT, confidence "
                            "REAL, indicator_confidence REAL, qualitative INTEGER NOT NULL DEFAULT 0, "
                            "rejected INTEGER NOT NULL DEFAULT 0, added_by INTEGER, corrected_fields TEXT "
                            "NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX targets_indicator ON targets(indicator)"),
             QStringLiteral("CREATE INDEX targets_document ON targets(document_id)"),
             QStringLiteral("CREATE INDEX targets_measure ON targets(measure_id)"),
             QStringLiteral("CREATE TABLE issues(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
                            "REFERENCES documents(id) ON DELETE CASCADE, severity TEXT, code TEXT, message "
                            "TEXT, span_start INTEGER, span_end INTEGER)"),
             QStringLiteral("CREATE INDEX issues_document ON issues(document_id)"),
             QStringLiteral("CREATE TABLE areas(id TEXT PRIMARY KEY, ordinal INTEGER, name_zh TEXT, name_en "
                            "TEXT, cues TEXT)"),
             QStringLiteral(
                 "CREATE TABLE indicators(id TEXT PRIMARY KEY, ordinal INTEGER, area TEXT, name_zh "
                 "TEXT, name_en TEXT, unit TEXT, better TEXT, definition TEXT, cues TEXT, "
                 "user_defined INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral(
                 "CREATE TABLE overrides(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, doc_sha256 "
                 "TEXT, kind TEXT NOT NULL, value TEXT, original_value TEXT, anchor_start INTEGER, "
                 "anchor_end INTEGER, anchor_text TEXT, anchor_value TEXT, created_at TEXT, "
                 "applies INTEGER NOT NULL DEFAULT 0, applied_to INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX overrides_doc ON overrides(doc_id, id)"),
             QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, subject TEXT NOT NULL, doc_id TEXT "
                            "NOT NULL, anchor_start INTEGER, anchor_end INTEGER, anchor_text TEXT, text TEXT "
                            "NOT NULL, created_at TEXT, updated_at TEXT)"),
             QStringLiteral("CREATE INDEX notes_doc ON notes(doc_id)"),
         },
         {},
         {
             // Plan texts are stored compressed (sqlutil packSource): SQLite keeps them in a TEXT
             // column, PostgreSQL needs bytes.
             QStringLiteral(
                 "ALTER TABLE sources ALTER COLUMN text TYPE BYTEA USING convert_to(text, 'UTF8')"),
             // Pinyin order of Chinese names (SQLite: the pc_zh collation registered per connection).
             QStringLiteral("CREATE COLLATION IF NOT EXISTS pc_zh (provider = icu, locale = "
                            "'zh-u-co-pinyin-kn-true')"),
         }});
    // 2: full-text index over measure titles, text and responsible units (external content: the
    // text lives once, in measures; triggers keep the index in step).
    const QString tok = QString::fromLatin1(fts::kLegacyTokenizerName);
    m.append(
        {2,
         QStringLiteral("full-text search index"),
         {},
         {
             QStringLiteral("CREATE VIRTUAL TABLE measure_fts USING fts5(title, body, units, "
                            "content='measures', content_rowid='id', tokenize='%1', detail=full)")
                 .arg(tok),
             QStringLiteral("CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures BEGIN "
                            "INSERT INTO measure_fts(rowid, title, body, units) VALUES (new.id, new.title, "
                            "new.body, new.units); END"),
             QStringLiteral("CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN "
                            "INSERT INTO measure_fts(measure_fts, rowid, title, body, units) VALUES "
                            "('delete', old.id, old.title, old.body, old.units); END"),
             QStringLiteral("CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, body, units ON "
                            "measures BEGIN INSERT INTO measure_fts(measure_fts, rowid, title, body, units) "
                            "VALUES ('delete', old.id, old.title, old.body, old.units); INSERT INTO "
                            "measure_fts(rowid, title, body, units) VALUES (new.id, new.title, new.body, "
                            "new.units); END"),
             QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"),
         },
         // PostgreSQL: the same folded text (ASCII lower case, full-width digits and letters) searched
         // as a substring, found through two indexes on it: trigrams (pg_trgm) for three or more
         // characters, and the set of its one- and two-character CJK/ASCII grams for shorter queries
         // (电, 用水), which trigrams cannot serve. See search.cpp.
         {
             QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
             QStringLiteral("CREATE FUNCTION pc_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL "
                            "SAFE AS $$ SELECT translate(lower(coalesce(s, '')), '%1', '%2') $$")
                 .arg(QString::fromUtf8(
                          "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
                          "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"),
                      QStringLiteral("0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz")),
             QStringLiteral("CREATE FUNCTION pc_search_text(title text, body text, units text) RETURNS text "
                            "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pc_fold(title) || chr(10) || "
                            "pc_fold(body) || chr(10) || pc_fold(units) $$"),
             QStringLiteral(
                 "CREATE FUNCTION pc_grams(s text) RETURNS text[] LANGUAGE sql IMMUTABLE "
                 "PARALLEL SAFE AS $$ SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (SELECT "
                 "substr(s, i, n) AS g FROM generate_series(1, length(s)) i, (VALUES (1), (2)) "
                 "k(n)) x WHERE g ~ '^[0-9a-z\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]{1,2}$' $$"),
             // Length in tokenizer positions (a CJK character or a Latin word each), for bm25's
             // length normalisation.
             QStringLiteral(
                 "CREATE FUNCTION pc_token_count(s text) RETURNS bigint LANGUAGE sql IMMUTABLE "
                 "PARALLEL SAFE AS $$ SELECT regexp_count(coalesce(s, ''), '[\\u3400-\\u4dbf\\u4e00-"
                 "\\u9fff\\uf900-\\ufaff\\u3040-\\u30ff\\uac00-\\ud7af\\u3007]') + "
                 "regexp_count(coalesce(s, ''), '[0-9A-Za-z\\uff10-\\uff19\\uff21-\\uff3a\\uff41-"
                 "\\uff5a\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u04ff]+') $$"),
             QStringLiteral("ALTER TABLE measures ADD COLUMN search_tokens BIGINT GENERATED ALWAYS AS "
                            "(pc_token_count(title) + pc_token_count(body) + pc_token_count(units)) STORED"),
             QStringLiteral("CREATE INDEX measures_trgm ON measures USING gin (pc_search_text(title, body, "
                            "units) gin_trgm_ops)"),
             QStringLiteral("CREATE INDEX measures_grams ON measures USING gin (pc_grams(pc_search_text("
                            "title, body, units)))"),
         }});
    // 3: the comparison by indicator reads one contiguous range of a covering index instead of
    // visiting a targets row, a measures row (for its number and order) and a documents row per
    // target — at 10,000 plans those scattered page reads cost hundreds of milliseconds. The measure's
    // ordinal and number are copied onto the target (they never change after import; the trigger
    // fills them for targets inserted without them, e.g. by an older importer or a user-added target).
    // The new index starts with indicator, so the old single-column one goes.
    m.append(
        {3,
         QStringLiteral("covering index for comparisons"),
         {
             QStringLiteral("ALTER TABLE targets ADD COLUMN measure_ordinal INTEGER"),
             QStringLiteral("ALTER TABLE targets ADD COLUMN measure_number INTEGER"),
         },
         {
             QStringLiteral("UPDATE targets SET (measure_ordinal, measure_number) = (SELECT m.ordinal, "
                            "m.number FROM measures m WHERE m.id = targets.measure_id)"),
             QStringLiteral("CREATE TRIGGER targets_measure_fill AFTER INSERT ON targets WHEN "
                            "new.measure_ordinal IS NULL BEGIN UPDATE targets SET (measure_ordinal, "
                            "measure_number) = (SELECT m.ordinal, m.number FROM measures m WHERE m.id = "
                            "new.measure_id) WHERE id = new.id; END"),
             QStringLiteral("DROP INDEX targets_indicator"),
             QStringLiteral("CREATE INDEX targets_compare ON targets(indicator, rejected, document_id, "
                            "measure_ordinal, span_start, measure_number, measure_id, area, scope, kind, "
                            "comparator, value, unit, baseline, deadline, quote, span_end, sentence, "
                            "qualitative, corrected_fields, confidence, added_by)"),
         },
         // PostgreSQL: a btree cannot hold the long text columns (2.7 kB per entry), so the index
         // keys the range only; the trigger is a function there.
         {
             QStringLiteral(
                 "UPDATE targets t SET measure_ordinal = m.ordinal, measure_number = m.number FROM "
                 "measures m WHERE m.id = t.measure_id"),
             QStringLiteral("CREATE FUNCTION pc_targets_measure_fill() RETURNS trigger LANGUAGE plpgsql AS "
                            "$$ BEGIN IF NEW.measure_ordinal IS NULL AND NEW.measure_id IS NOT NULL THEN "
                            "SELECT m.ordinal, m.number INTO NEW.measure_ordinal, NEW.measure_number FROM "
                            "measures m WHERE m.id = NEW.measure_id; END IF; RETURN NEW; END $$"),
             QStringLiteral("CREATE TRIGGER targets_measure_fill BEFORE INSERT ON targets FOR EACH ROW "
                            "EXECUTE FUNCTION pc_targets_measure_fill()"),
             QStringLiteral("DROP INDEX targets_indicator"),
             QStringLiteral("CREATE INDEX targets_compare ON targets(indicator, rejected, document_id, "
                            "measure_ordinal, span_start)"),
         }});
    // 4: targets found outside numbered measures (总体目标 paragraphs, preambles, tables, news pages)
    // belong to the document, not to a measure: measure_id becomes nullable, and every target records
    // where it was found (section: measure | goal | table | other) and the nearest heading. SQLite
    // cannot relax NOT NULL in place, so the table is rebuilt with the same rows; existing rows were
    // all read from measures.
    const QString targetColumns = QStringLiteral(
        "id, measure_id, document_id, ordinal, area, indicator, scope, kind, comparator, value, unit, "
        "baseline, "
        "deadline, p_area, p_indicator, p_scope, p_kind, p_comparator, p_value, p_unit, p_baseline, "
        "p_deadline, "
        "span_start, span_end, quote, sentence, confidence, indicator_confidence, qualitative, rejected, "
        "added_by, corrected_fields, measure_ordinal, measure_number");
    m.append(
        {4,
         QStringLiteral("targets outside measures, with their section"),
         {},
         {
             QStringLiteral(
                 "CREATE TABLE targets_v4(id INTEGER PRIMARY KEY, measure_id INTEGER "
                 "REFERENCES measures(id) ON DELETE CASCADE, document_id INTEGER NOT NULL "
                 "REFERENCES documents(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, "
                 "area TEXT, indicator TEXT, scope TEXT, kind TEXT, comparator TEXT, value REAL, "
                 "unit TEXT, baseline REAL, deadline TEXT, "
                 "p_area TEXT, p_indicator TEXT, p_scope TEXT, p_kind TEXT, p_comparator TEXT, "
                 "p_value REAL, p_unit TEXT, p_baseline REAL, p_deadline TEXT, "
                 "span_start INTEGER, span_end INTEGER, quote TEXT, sentence TEXT, confidence "
                 "REAL, indicator_confidence REAL, qualitative INTEGER NOT NULL DEFAULT 0, "
                 "rejected INTEGER NOT NULL DEFAULT 0, added_by INTEGER, corrected_fields TEXT "
                 "NOT NULL DEFAULT '', measure_ordinal INTEGER, measure_number INTEGER, "
                 "section TEXT NOT NULL DEFAULT 'measure', section_heading TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("INSERT INTO targets_v4(%1) SELECT %1 FROM targets").arg(targetColumns),
             QStringLiteral("DROP TABLE targets"),
             QStringLiteral("ALTER TABLE targets_v4 RENAME TO targets"),
             QStringLiteral("CREATE INDEX targets_document ON targets(document_id)"),
             QStringLiteral("CREATE INDEX targets_measure ON targets(measure_id)"),
             QStringLiteral("CREATE INDEX targets_compare ON targets(indicator, rejected, document_id, "
                            "measure_ordinal, span_start, measure_number, measure_id, area, scope, kind, "
                            "comparator, value, unit, baseline, deadline, quote, span_end, sentence, "
                            "qualitative, corrected_fields, confidence, added_by, section, section_heading)"),
             QStringLiteral(
                 "CREATE TRIGGER targets_measure_fill AFTER INSERT ON targets WHEN "
                 "new.measure_ordinal IS NULL AND new.measure_id IS NOT NULL BEGIN UPDATE targets "
                 "SET (measure_ordinal, measure_number) = (SELECT m.ordinal, m.number FROM measures "
                 "m WHERE m.id = new.measure_id) WHERE id = new.id; END"),
         },
         // PostgreSQL relaxes NOT NULL in place; its trigger already skips targets without a measure.
         {
             QStringLiteral("ALTER TABLE targets ALTER COLUMN measure_id DROP NOT NULL"),
             QStringLiteral("ALTER TABLE targets ADD COLUMN section TEXT NOT NULL DEFAULT 'measure'"),
             QStringLiteral("ALTER TABLE targets ADD COLUMN section_heading TEXT NOT NULL DEFAULT ''"),
         }});
    // 5: the original file beside its plan (zlib-compressed, format as detected), with the reader's
    // page starts (JSON array of source offsets, read per plan for 第 N 页) and its origin map (one
    // compressed blob, see store/documentfiles.cpp), so text can be re-read when a reader improves.
    // Plans imported before this step have no row: they came from text.
    m.append({5,
              QStringLiteral("original files and page map"),
              {
                  QStringLiteral("CREATE TABLE document_files(document_id INTEGER PRIMARY KEY REFERENCES "
                                 "documents(id) ON DELETE CASCADE, format TEXT NOT NULL, size INTEGER NOT "
                                 "NULL, original BLOB NOT NULL, page_count INTEGER NOT NULL DEFAULT 0, "
                                 "page_starts TEXT NOT NULL DEFAULT '[]', origins BLOB)"),
              },
              {},
              {}});
    // 6: plan metadata from the gazetteer and the text (jurisdiction code, kind, the plan it
    // implements), the jurisdiction as guessed beside the effective one, researchers' corrections of
    // a plan's jurisdiction, year or kind (re-applied after every re-import), and named plan sets.
    // Plain portable SQL (TEXT/INTEGER columns, no engine-specific functions): the same statements
    // run on other engines.
    m.append(
        {6,
         QStringLiteral("plan metadata, plan corrections and plan sets"),
         {
             QStringLiteral("ALTER TABLE documents ADD COLUMN jurisdiction_code TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE documents ADD COLUMN plan_kind TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE documents ADD COLUMN implements_title TEXT NOT NULL DEFAULT ''"),
             QStringLiteral(
                 "ALTER TABLE documents ADD COLUMN implements_doc_number TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE documents ADD COLUMN parsed_jurisdiction TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE documents ADD COLUMN parsed_year INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE documents ADD COLUMN parsed_plan_kind TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("UPDATE documents SET parsed_jurisdiction = jurisdiction, parsed_year = year"),
             QStringLiteral("CREATE TABLE plan_corrections(doc_id TEXT NOT NULL, field TEXT NOT NULL, "
                            "value TEXT NOT NULL, created_at TEXT, PRIMARY KEY(doc_id, field))"),
             QStringLiteral("CREATE TABLE plan_sets(name TEXT PRIMARY KEY, created_at TEXT)"),
             QStringLiteral("CREATE TABLE plan_set_members(set_name TEXT NOT NULL REFERENCES "
                            "plan_sets(name) ON DELETE CASCADE, doc_id TEXT NOT NULL, ordinal INTEGER "
                            "NOT NULL DEFAULT 0, PRIMARY KEY(set_name, doc_id))"),
         },
         {},
         {}});
    // 7: working together. Every target row carries a version that each correction raises, so a
    // correction made on a stale view is refused (corrections and notes were last-write-wins);
    // corrections and notes record who made them; target_history keeps every change of a target,
    // anchored like overrides (document + span) so it follows the target across re-imports.
    m.append(
        {7,
         QStringLiteral("row versions, authors and target history"),
         {
             QStringLiteral("ALTER TABLE targets ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral("ALTER TABLE overrides ADD COLUMN created_by TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE notes ADD COLUMN created_by TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE notes ADD COLUMN updated_by TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE TABLE target_history(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, "
                            "anchor_start INTEGER, anchor_end INTEGER, target_id INTEGER, field TEXT NOT "
                            "NULL, old_value TEXT, new_value TEXT, row_version INTEGER NOT NULL, "
                            "changed_by TEXT NOT NULL, changed_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX target_history_anchor ON target_history(doc_id, anchor_start, "
                            "anchor_end)"),
         },
         {},
         {}});
    // 8: the search index is written once per plan. FTS5 writes its pending rows out as a new index
    // segment whenever a statement that has a statement journal ends (xSavepoint/xRelease), and an
    // INSERT into measures has one (the trigger, the NOT NULL and foreign-key checks): through the
    // insert trigger every measure became a segment of its own, merged and re-merged plan after plan
    // (half the import time). The importer now fills the index with one INSERT … SELECT per plan after
    // its measures (documentstore.cpp), and a database copy into SQLite rebuilds it; the delete and
    // update triggers stay. The index content is unchanged. PostgreSQL has no such index: only the
    // version moves there.
    m.append({8,
              QStringLiteral("search index written once per plan"),
              {},
              {
                  QStringLiteral("DROP TRIGGER measures_fts_insert"),
              },
              {}});
    // 9: search and import speed on PostgreSQL (SQLite: nothing). The folded search text is stored
    // (a generated column, COLLATE "C": the character index compares its keys as bytes, not through
    // the locale) instead of being computed for every row a query visits, and indexed twice:
    // trigrams for phrases of three or more characters, and the array of its characters for one and
    // two (a two-character phrase is found through both its characters, then checked with LIKE). The
    // old gram index computed every one- and two-character gram of a measure in SQL at import (about
    // 5 ms per measure); the character array is one C function. search_document_stats keeps bm25's
    // corpus figures (measures and tokens per plan, maintained by statement triggers) so a search does
    // not count the whole table; it is the index's own table (like FTS5's shadow tables on SQLite):
    // db copy and db compare leave it out, and each database builds its own.
    m.append(
        {9,
         QStringLiteral("stored search text and search statistics (PostgreSQL)"),
         {},
         {},
         {
             QStringLiteral("DROP INDEX measures_grams"),
             QStringLiteral("DROP INDEX measures_trgm"),
             QStringLiteral("DROP FUNCTION pc_grams(text)"),
             // The same folding; translate() (about 2 µs per character) only for text that holds a
             // full-width digit or letter.
             QStringLiteral("CREATE OR REPLACE FUNCTION pc_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE "
                            "PARALLEL SAFE AS $$ SELECT CASE WHEN s ~ '[%1]' THEN translate(lower(s), "
                            "'%2', '%3') ELSE lower(coalesce(s, '')) END $$")
                 .arg(QString::fromUtf8("０-９Ａ-Ｚａ-ｚ"),
                      QString::fromUtf8(
                          "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
                          "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"),
                      QStringLiteral("0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz")),
             // Token counts (bm25's lengths) cost 80 µs per measure in SQL: the importer computes them
             // (pgbulk.cpp, the same rule); rows inserted otherwise (db copy) or changed get them here.
             QStringLiteral("ALTER TABLE measures DROP COLUMN search_tokens"),
             QStringLiteral("ALTER TABLE measures ADD COLUMN search_tokens BIGINT"),
             QStringLiteral(
                 "UPDATE measures SET search_tokens = pc_token_count(title) + pc_token_count(body) + "
                 "pc_token_count(units)"),
             QStringLiteral(
                 "CREATE FUNCTION pc_search_tokens_fill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                 "NEW.search_tokens IS NULL OR (TG_OP = 'UPDATE' AND (NEW.title, NEW.body, NEW.units) IS "
                 "DISTINCT FROM (OLD.title, OLD.body, OLD.units)) THEN NEW.search_tokens := "
                 "pc_token_count(NEW.title) + pc_token_count(NEW.body) + pc_token_count(NEW.units); END IF; "
                 "RETURN NEW; END $$"),
             QStringLiteral(
                 "CREATE TRIGGER measures_search_tokens BEFORE INSERT OR UPDATE ON measures FOR EACH "
                 "ROW EXECUTE FUNCTION pc_search_tokens_fill()"),
             QStringLiteral("ALTER TABLE measures ADD COLUMN search_text TEXT COLLATE \"C\" GENERATED ALWAYS "
                            "AS "
                            "(pc_search_text(title, body, units)) STORED"),
             QStringLiteral("CREATE INDEX measures_search_trgm ON measures USING gin (search_text "
                            "gin_trgm_ops)"),
             QStringLiteral("CREATE INDEX measures_search_chars ON measures USING gin "
                            "(string_to_array(search_text, NULL))"),
             // `changed`: when the plan's measures last changed (a sequence), so a search can tell
             // whether phrase counts it computed before still hold (search.cpp).
             QStringLiteral("CREATE SEQUENCE search_changes"),
             QStringLiteral("CREATE TABLE search_document_stats(document_id BIGINT PRIMARY KEY, measures "
                            "BIGINT NOT NULL, tokens BIGINT NOT NULL, changed BIGINT NOT NULL)"),
             QStringLiteral(
                 "INSERT INTO search_document_stats SELECT document_id, count(*), "
                 "sum(search_tokens), nextval('search_changes') FROM measures GROUP BY document_id"),
             QStringLiteral(
                 "CREATE FUNCTION pc_search_stats() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                 "IF TG_OP IN ('DELETE', 'UPDATE') THEN UPDATE search_document_stats s SET measures = "
                 "s.measures - o.n, tokens = s.tokens - o.t, changed = nextval('search_changes') FROM "
                 "(SELECT document_id, count(*) AS n, "
                 "sum(search_tokens) AS t FROM old_rows GROUP BY document_id) o WHERE s.document_id = "
                 "o.document_id; END IF; "
                 "IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO search_document_stats AS s SELECT "
                 "document_id, count(*), sum(search_tokens), nextval('search_changes') FROM new_rows GROUP "
                 "BY document_id ON CONFLICT (document_id) DO UPDATE SET measures = s.measures + "
                 "excluded.measures, tokens = s.tokens + excluded.tokens, changed = excluded.changed; END "
                 "IF; "
                 "IF TG_OP IN ('DELETE', 'UPDATE') THEN DELETE FROM search_document_stats s USING (SELECT "
                 "DISTINCT document_id FROM old_rows) o WHERE s.document_id = o.document_id AND s.measures "
                 "<= 0; END IF; RETURN NULL; END $$"),
             QStringLiteral(
                 "CREATE TRIGGER measures_search_stats_insert AFTER INSERT ON measures REFERENCING "
                 "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pc_search_stats()"),
             QStringLiteral(
                 "CREATE TRIGGER measures_search_stats_delete AFTER DELETE ON measures REFERENCING "
                 "OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pc_search_stats()"),
             QStringLiteral(
                 "CREATE TRIGGER measures_search_stats_update AFTER UPDATE ON measures REFERENCING "
                 "OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
                 "pc_search_stats()"),
         }});
    // 10: comparison rows carry the target's row version (the GUI's corrections pass the version they
    // showed), so SQLite's covering index for comparisons holds it too; PostgreSQL's index keys only the
    // range and needs no change.
    m.append(
        {10,
         QStringLiteral("row version in the comparison index"),
         {},
         {
             QStringLiteral("DROP INDEX targets_compare"),
             QStringLiteral("CREATE INDEX targets_compare ON targets(indicator, rejected, document_id, "
                            "measure_ordinal, span_start, measure_number, measure_id, area, scope, kind, "
                            "comparator, value, unit, baseline, deadline, quote, span_end, sentence, "
                            "qualitative, corrected_fields, confidence, added_by, section, "
                            "section_heading, row_version)"),
         },
         {}});
    // 11: SQLite's search index holds one token per CJK character position (pc_cjk2: the bigram starting
    // there, the character alone at the end of a run) instead of the character and that bigram both:
    // about 40 % less index for the same matches and the same bm25 scores — token counts per column
    // are unchanged (colocated tokens never counted). A one-character query matches the bigrams
    // starting with it; FTS5 merges their lists for every such query (prefix token 电*), so
    // measure_chars — which measures hold which characters, no positions, no content (detail=none)
    // — gives one-character queries their candidates and match counts, and the store computes
    // FTS5's bm25 for them (search.cpp). Both indexes are rebuilt from the measures in this
    // transaction; the triggers keep them in step on delete and update, the importer fills them per
    // plan. PostgreSQL has no such index: only the version moves there.
    const QString charsOf = QStringLiteral("%1.title || char(10) || %1.body || char(10) || %1.units");
    m.append(
        {11,
         QStringLiteral("search index with one token per character"),
         {},
         {
             QStringLiteral("DROP TRIGGER measures_fts_delete"),
             QStringLiteral("DROP TRIGGER measures_fts_update"),
             QStringLiteral("DROP TABLE measure_fts"),
             QStringLiteral("CREATE VIRTUAL TABLE measure_fts USING fts5(title, body, units, "
                            "content='measures', content_rowid='id', tokenize='%1', detail=full)")
                 .arg(QString::fromLatin1(fts::kTokenizerName)),
             QStringLiteral("CREATE VIRTUAL TABLE measure_chars USING fts5(text, content='', detail=none, "
                            "columnsize=0, tokenize='%1')")
                 .arg(QString::fromLatin1(fts::kCharacterTokenizerName)),
             QStringLiteral("CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN "
                            "INSERT INTO measure_fts(measure_fts, rowid, title, body, units) VALUES "
                            "('delete', old.id, old.title, old.body, old.units); INSERT INTO "
                            "measure_chars(measure_chars, rowid, text) VALUES ('delete', old.id, %1); END")
                 .arg(charsOf.arg(QStringLiteral("old"))),
             QStringLiteral("CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, body, units ON "
                            "measures BEGIN INSERT INTO measure_fts(measure_fts, rowid, title, body, "
                            "units) VALUES ('delete', old.id, old.title, old.body, old.units); INSERT "
                            "INTO measure_fts(rowid, title, body, units) VALUES (new.id, new.title, "
                            "new.body, new.units); INSERT INTO measure_chars(measure_chars, rowid, text) "
                            "VALUES ('delete', old.id, %1); INSERT INTO measure_chars(rowid, text) VALUES "
                            "(new.id, %2); END")
                 .arg(charsOf.arg(QStringLiteral("old")), charsOf.arg(QStringLiteral("new"))),
             QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"),
             QStringLiteral(
                 "INSERT INTO measure_chars(rowid, text) SELECT id, %1 FROM measures m ORDER BY id")
                 .arg(charsOf.arg(QStringLiteral("m"))),
         },
         {}});
    // 12: comparison rows from few columns. Reading migration 10's 25-column index entries cost SQLite
    // a column decode and an API call per column and row (about 1.5 µs a row at 10,000 plans).
    // compare_rows holds per target its sort keys, its numbers and one string spelling every other
    // field a comparison row needs (seven integers, then eleven texts: rowSql below, read by
    // rowqueries.cpp), clustered by indicator (WITHOUT ROWID), so a comparison reads one range of it
    // and eight columns per row. Triggers keep it in step with targets on every write (import,
    // corrections, undo, removal — cascades fire them too — and copies); it replaces the wide index,
    // whose bytes it takes over. (A generated column indexed instead would need no triggers, but
    // SQLite 3.40 does not read such an index as covering.) It is the comparison's own table, like
    // the search index's: db copy and db compare leave it out. PostgreSQL reads its targets table
    // (migration 3) and changes nothing.
    // `derivedQuote` (version 17 on): the quote as readers take it, stored or derived (targettext.h).
    bool derivedQuote = false;
    const auto rowSqlOf = [&derivedQuote](const QString& t,
                                          std::initializer_list<const char*> columns) -> QString {
        QStringList texts;
        for (const char* column : columns) {
            const QString value = derivedQuote && qstrcmp(column, "quote") == 0 ? quoteSql(Engine::SQLite, t)
                                                                                : t + QLatin1String(column);
            texts << QStringLiteral("coalesce(length(CAST(%1 AS BLOB)) || ':' || %1, '-')").arg(value);
        }
        return QStringLiteral("printf('%d,%d,%d,%d,%d,%d,%d,', coalesce(%1measure_number, 0), %1measure_id, "
                              "coalesce(%1span_end, 0), %1qualitative, %1rejected, %1added_by IS NOT NULL, "
                              "%1row_version) || ")
                   .arg(t) +
               texts.join(QStringLiteral(" || "));
    };
    const auto valuesOf = [&](const QString& t, std::initializer_list<const char*> columns) -> QString {
        return QStringLiteral("%1indicator, %1id, %1document_id, coalesce(%1measure_ordinal, 0), "
                              "coalesce(%1span_start, 0), %1rejected, %1value, %1baseline, %1confidence, ")
                   .arg(t) +
               rowSqlOf(t, columns);
    };
    // The triggers keeping compare_rows in step with targets, rows of these texts.
    const auto compareRowsTriggers = [&](std::initializer_list<const char*> texts) {
        const auto values = [&](const QString& t) { return valuesOf(t, texts); };
        return QStringList{
            QStringLiteral(
                "CREATE TRIGGER targets_compare_insert AFTER INSERT ON targets WHEN "
                "new.indicator IS NOT NULL BEGIN INSERT OR REPLACE INTO compare_rows VALUES (%1); END")
                .arg(values(QStringLiteral("new."))),
            QStringLiteral("CREATE TRIGGER targets_compare_update AFTER UPDATE ON targets BEGIN DELETE FROM "
                           "compare_rows WHERE indicator = old.indicator AND target_id = old.id; INSERT OR "
                           "REPLACE INTO "
                           "compare_rows SELECT %1 WHERE new.indicator IS NOT NULL; END")
                .arg(values(QStringLiteral("new."))),
            QStringLiteral("CREATE TRIGGER targets_compare_delete AFTER DELETE ON targets BEGIN DELETE FROM "
                           "compare_rows WHERE indicator = old.indicator AND target_id = old.id; END"),
        };
    };
    // The table and its triggers, rows of these texts; `fillOrder` orders the rows copied from targets.
    const auto compareRowsTable = [&](std::initializer_list<const char*> texts, const QString& fillOrder) {
        return QStringList{
                   QStringLiteral("CREATE TABLE compare_rows(indicator TEXT NOT NULL, target_id INTEGER NOT "
                                  "NULL, document_id INTEGER NOT NULL, measure_ordinal INTEGER NOT NULL, "
                                  "span_start INTEGER NOT NULL, rejected INTEGER NOT NULL, value REAL, "
                                  "baseline REAL, confidence REAL, row TEXT NOT NULL, PRIMARY KEY(indicator, "
                                  "target_id)) WITHOUT ROWID"),
                   QStringLiteral(
                       "INSERT INTO compare_rows SELECT %1 FROM targets WHERE indicator IS NOT NULL")
                           .arg(valuesOf(QString(), texts)) +
                       fillOrder,
               } +
               compareRowsTriggers(texts);
    };
    m.append({12,
              QStringLiteral("comparison rows from few columns"),
              {},
              compareRowsTable({"area", "scope", "kind", "comparator", "unit", "deadline", "quote",
                                "sentence", "corrected_fields", "section", "section_heading"},
                               QString()) +
                  QStringList{
                      QStringLiteral("DROP INDEX targets_compare"),
                      // What else looks targets up by indicator (coverage, counts) keeps a narrow index.
                      QStringLiteral(
                          "CREATE INDEX targets_indicator ON targets(indicator, rejected, document_id)"),
                  },
              {}});
    // 13: the search index without positions. measure_fts becomes a detail=none index (pc_cjk_set:
    // every character and every bigram a measure holds, and its words) without per-row sizes
    // (columnsize=0), and measure_chars goes: one index answers one-character queries (the character's
    // own token) and gives every phrase its candidates (the rows holding all its tokens). The search
    // checks each candidate's phrases on its text as pc_cjk2 tokenizes it and computes bm25 from
    // those instances, the text's length and FTS5's totals (search.cpp): the same matches, the same
    // scores. About half the bytes of schema 12's two indexes and a cheaper import (no positions, one
    // tokenization). The index is rebuilt from the measures in this transaction. PostgreSQL has no
    // such index: only the version moves there.
    m.append({13,
              QStringLiteral("search index without positions"),
              {},
              {
                  QStringLiteral("DROP TRIGGER measures_fts_delete"),
                  QStringLiteral("DROP TRIGGER measures_fts_update"),
                  QStringLiteral("DROP TABLE measure_chars"),
                  QStringLiteral("DROP TABLE measure_fts"),
                  QStringLiteral("CREATE VIRTUAL TABLE measure_fts USING fts5(title, body, units, "
                                 "content='measures', content_rowid='id', tokenize='%1', detail=none, "
                                 "columnsize=0)")
                      .arg(QString::fromLatin1(fts::kSetTokenizerName)),
                  QStringLiteral("CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN "
                                 "INSERT INTO measure_fts(measure_fts, rowid, title, body, units) VALUES "
                                 "('delete', old.id, old.title, old.body, old.units); END"),
                  QStringLiteral("CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, body, units ON "
                                 "measures BEGIN INSERT INTO measure_fts(measure_fts, rowid, title, body, "
                                 "units) VALUES ('delete', old.id, old.title, old.body, old.units); INSERT "
                                 "INTO measure_fts(rowid, title, body, units) VALUES (new.id, new.title, "
                                 "new.body, new.units); END"),
                  QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"),
              },
              {}});
    // 14: smaller rows of the import. A unit's spelling (measure_agencies.written) is NULL where it is
    // the agency's name, which holds for 95 % of links (−4 MB of 10 at 1,000 plans); readers take
    // coalesce(written, agencies.name). From this version on, stored texts (sources.text,
    // document_files.original) are Zstandard frames (sqlutil.h, packBytes); older zlib rows stay as
    // they are and still read, and the version tells an older PlanCompare not to read the new ones.
    m.append(
        {14,
         QStringLiteral("unit spellings only where they differ; Zstandard texts"),
         {QStringLiteral("UPDATE measure_agencies SET written = NULL WHERE written = (SELECT a.name FROM "
                         "agencies a WHERE a.id = measure_agencies.agency_id)")},
         {},
         {}});
    // 15: the measures' texts packed. body and area_heading hold a Zstandard frame against the shipped
    // dictionary (textpack.h: a BLOB) where that is smaller, else the text: bodies take 0.23 (the
    // seed-made benchmark) to 0.56 (plans of other provinces) of their bytes. title and units stay plain: the
    // search reads all three columns of up to 5,001 candidates per call, and unpacking the two short ones
    // (0.3 µs each) cost more search time than their 3.8 MB at 1,000 plans were worth; readers treat all four
    // alike (pc_text takes text as it is), so a later version may pack them without touching a reader.
    // Readers take pc_text(column) (an application SQL function on every SQLite connection; PostgreSQL, which
    // keeps plain text, gets the identity), the search reads the columns through textpack::columnUtf8. The
    // search index keeps external content, now the view measures_text, which unpacks; its triggers give FTS5
    // the unpacked old values. The index is rebuilt in this transaction (the same tokens: only where FTS5
    // reads the text moved).
    m.append({15,
              QStringLiteral("measure texts packed"),
              {},
              {
                  QStringLiteral("DROP TRIGGER measures_fts_delete"),
                  QStringLiteral("DROP TRIGGER measures_fts_update"),
                  QStringLiteral("DROP TABLE measure_fts"),
                  QStringLiteral("UPDATE measures SET body = pc_pack(body), area_heading = "
                                 "pc_pack(area_heading)"),
                  QStringLiteral("CREATE VIEW measures_text(id, title, body, units) AS SELECT id, "
                                 "pc_text(title), pc_text(body), pc_text(units) FROM measures"),
                  QStringLiteral("CREATE VIRTUAL TABLE measure_fts USING fts5(title, body, units, "
                                 "content='measures_text', content_rowid='id', tokenize='%1', detail=none, "
                                 "columnsize=0)")
                      .arg(QString::fromLatin1(fts::kSetTokenizerName)),
                  QStringLiteral("CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN "
                                 "INSERT INTO measure_fts(measure_fts, rowid, title, body, units) VALUES "
                                 "('delete', old.id, pc_text(old.title), pc_text(old.body), "
                                 "pc_text(old.units)); END"),
                  QStringLiteral("CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, body, units ON "
                                 "measures BEGIN INSERT INTO measure_fts(measure_fts, rowid, title, body, "
                                 "units) VALUES ('delete', old.id, pc_text(old.title), pc_text(old.body), "
                                 "pc_text(old.units)); INSERT INTO measure_fts(rowid, title, body, units) "
                                 "VALUES (new.id, pc_text(new.title), pc_text(new.body), "
                                 "pc_text(new.units)); END"),
                  QStringLiteral("INSERT INTO measure_fts(measure_fts) VALUES ('rebuild')"),
              },
              {
                  QStringLiteral("CREATE OR REPLACE FUNCTION pc_text(s text) RETURNS text LANGUAGE sql "
                                 "IMMUTABLE PARALLEL SAFE AS $$ SELECT s $$"),
              }});
    // 16: comparison rows without the sentence. compare_rows repeated every target's sentence (about
    // half of its bytes, and a copy of targets.sentence); a comparison reads rows for every plan but
    // shows the sentence only for the rows it displays or exports, which read it from targets by id
    // (Database::readSentences). The table is rebuilt from targets in this transaction with ten texts
    // per row (the eleven of version 12 without the sentence); its triggers write the same. A row of
    // the old layout no longer parses, and the reader falls back to the targets' columns.
    m.append({16,
              QStringLiteral("comparison rows without the sentence"),
              {},
              QStringList{
                  QStringLiteral("DROP TRIGGER targets_compare_insert"),
                  QStringLiteral("DROP TRIGGER targets_compare_update"),
                  QStringLiteral("DROP TRIGGER targets_compare_delete"),
                  QStringLiteral("DROP TABLE compare_rows"),
              } + compareRowsTable({"area", "scope", "kind", "comparator", "unit", "deadline", "quote",
                                    "corrected_fields", "section", "section_heading"},
                                   QStringLiteral(" ORDER BY indicator, id")),
              {}});
    // 17: plan texts against the dictionary. sources.text becomes one Zstandard frame against the
    // measures' shipped dictionary, which the frame names (textpack::packFrame): the wording plans
    // share is not stored again in each, 0.46 of the UTF-8 instead of 0.59 on other provinces' plans.
    // The SQLite rows are repacked in this transaction (pc_pack_source keeps a value it cannot read
    // as it is); the version tells an older PlanCompare not to read the new frames. PostgreSQL's rows
    // stay as they are (both read) and new ones are packed the new way.
    m.append({17,
              QStringLiteral("plan texts against the dictionary"),
              {},
              {QStringLiteral("UPDATE sources SET text = pc_pack_source(text)")},
              {}});
    // 18: smaller measure rows and unit links. measure_agencies.role is 0 (lead) or 1 (partner) instead of
    // the texts 'lead' and 'partner' (SQLite keeps 0 and 1 in the record header alone; they were 1.4 MB of
    // the table and as much of its agency index at 1,000 plans); any other old text reads as partner, as the
    // reader did. measures.parsed_area is NULL while no override has changed the area (it was a copy of area
    // in every other row): readers take coalesce(parsed_area, area) then; an area override moves the area
    // into parsed_area first, and undoing it moves it back (overrides.cpp). SQLite rebuilds the link table (a
    // column's type does not change in place) with its index; PostgreSQL changes the column's type.
    m.append(
        {18,
         QStringLiteral("unit roles as numbers; the parsed area only where it differs"),
         {
             QStringLiteral("UPDATE measures SET parsed_area = NULL WHERE area_override IS NULL AND "
                            "parsed_area = area"),
         },
         {
             QStringLiteral("CREATE TABLE measure_agencies_18(measure_id INTEGER NOT NULL REFERENCES "
                            "measures(id) ON DELETE CASCADE, agency_id INTEGER NOT NULL REFERENCES "
                            "agencies(id), role INTEGER NOT NULL, ordinal INTEGER NOT NULL, written TEXT, "
                            "PRIMARY KEY(measure_id, role, ordinal)) WITHOUT ROWID"),
             QStringLiteral(
                 "INSERT INTO measure_agencies_18(measure_id, agency_id, role, ordinal, written) "
                 "SELECT measure_id, agency_id, CASE role WHEN 'lead' THEN 0 WHEN 0 THEN 0 ELSE 1 END, "
                 "ordinal, written FROM measure_agencies ORDER BY measure_id, role, ordinal"),
             QStringLiteral("DROP TABLE measure_agencies"),
             QStringLiteral("ALTER TABLE measure_agencies_18 RENAME TO measure_agencies"),
             QStringLiteral("CREATE INDEX measure_agencies_agency ON measure_agencies(agency_id)"),
         },
         {
             // role::text: the same on a column already converted ('0', '1'), so the step may run twice.
             QStringLiteral(
                 "ALTER TABLE measure_agencies ALTER COLUMN role TYPE BIGINT USING CASE role::text "
                 "WHEN 'lead' THEN 0 WHEN '0' THEN 0 ELSE 1 END"),
         }});
    // 19: a target's sentence and quote derived from its plan's source. Both are functions of the
    // stored source and the target's span (targettext.h): 6.3 MB of `targets`' 15.3 at 1,000 plans.
    // SQLite stores NULL where the value equals the derived one (every imported target; user-added
    // targets keep theirs) and readers take coalesce(stored, derived). compare_rows keeps its rows (the
    // same bytes): its triggers, dropped while the targets are rewritten, come back writing the quote as
    // readers take it. PostgreSQL keeps both values: only the version moves there.
    derivedQuote = true;
    const QString fromSource = QStringLiteral(
        "((SELECT text FROM sources s WHERE s.document_id = targets.document_id), span_start, span_end)");
    m.append({19,
              QStringLiteral("target sentences and quotes derived from the source"),
              {},
              QStringList{
                  QStringLiteral("DROP TRIGGER targets_compare_insert"),
                  QStringLiteral("DROP TRIGGER targets_compare_update"),
                  QStringLiteral("DROP TRIGGER targets_compare_delete"),
                  QStringLiteral("UPDATE targets SET sentence = CASE WHEN sentence <> '' AND sentence IS "
                                 "pc_sentence%1 THEN NULL ELSE sentence END, quote = CASE WHEN quote <> '' "
                                 "AND quote IS pc_quote%1 THEN NULL ELSE quote END WHERE added_by IS NULL")
                      .arg(fromSource),
              } + compareRowsTriggers({"area", "scope", "kind", "comparator", "unit", "deadline", "quote",
                                       "corrected_fields", "section", "section_heading"}),
              {}});
    // 20: a measure's texts in one value. measures.body holds title, body, units and area heading as one
    // Zstandard frame against the dictionary (textpack::packMeasure; title and units '', area_heading
    // NULL): titles and units, plain until now (6.6 of measures' 18.9 MB at 1,000 plans), are packed
    // too, and a search candidate is still one decompression, as its body alone was (the frame is a
    // little longer, the two plain reads go). Readers take pc_title(body, title), pc_body(body),
    // pc_units(body, units), pc_heading(body, area_heading): the part of such a value, else the column
    // (any older row reads; PostgreSQL, which keeps its plain columns, gets functions returning the
    // column). The search index keeps its tokens: only the view measures_text and the triggers, which
    // give FTS5 the same three texts, read the new way; the index is not rebuilt. The rows are
    // rewritten in this transaction (the file shrinks at the next `db compact`).
    m.append(
        {20,
         QStringLiteral("measure texts in one value"),
         {},
         {
             QStringLiteral("DROP TRIGGER measures_fts_delete"),
             QStringLiteral("DROP TRIGGER measures_fts_update"),
             QStringLiteral("DROP VIEW measures_text"),
             QStringLiteral("UPDATE measures SET body = pc_measure(pc_title(body, title), pc_body(body), "
                            "pc_units(body, units), pc_heading(body, area_heading)), title = '', units = "
                            "'', area_heading = NULL"),
             QStringLiteral("CREATE VIEW measures_text(id, title, body, units) AS SELECT id, "
                            "pc_title(body, title), pc_body(body), pc_units(body, units) FROM measures"),
             QStringLiteral("CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN "
                            "INSERT INTO measure_fts(measure_fts, rowid, title, body, units) VALUES "
                            "('delete', old.id, pc_title(old.body, old.title), pc_body(old.body), "
                            "pc_units(old.body, old.units)); END"),
             QStringLiteral("CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, body, units ON "
                            "measures BEGIN INSERT INTO measure_fts(measure_fts, rowid, title, body, "
                            "units) VALUES ('delete', old.id, pc_title(old.body, old.title), "
                            "pc_body(old.body), pc_units(old.body, old.units)); INSERT INTO "
                            "measure_fts(rowid, title, body, units) VALUES (new.id, pc_title(new.body, "
                            "new.title), pc_body(new.body), pc_units(new.body, new.units)); END"),
         },
         {
             QStringLiteral("CREATE OR REPLACE FUNCTION pc_title(b text, t text) RETURNS text LANGUAGE sql "
                            "IMMUTABLE PARALLEL SAFE AS $$ SELECT t $$"),
             QStringLiteral("CREATE OR REPLACE FUNCTION pc_body(b text) RETURNS text LANGUAGE sql "
                            "IMMUTABLE PARALLEL SAFE AS $$ SELECT b $$"),
             QStringLiteral("CREATE OR REPLACE FUNCTION pc_units(b text, u text) RETURNS text LANGUAGE sql "
                            "IMMUTABLE PARALLEL SAFE AS $$ SELECT u $$"),
             QStringLiteral("CREATE OR REPLACE FUNCTION pc_heading(b text, h text) RETURNS text LANGUAGE "
                            "sql IMMUTABLE PARALLEL SAFE AS $$ SELECT h $$"),
         }});
    // 21: the parser's copies of a target's fields only where a correction changed one. p_area … p_deadline
    // repeated the effective values in every target no correction had touched (2.3 MB of targets' 8.3 at
    // 1,000 plans); SQLite stores them NULL while corrected_fields is '' and readers take parsedSql
    // (targettext.h). The comparison table's triggers are dropped while the targets are rewritten (an
    // update would rewrite every comparison row) and come back the same. The index of targets by
    // indicator goes (1.0 MB at 1,000 plans, and a leaf rewritten per indicator by every import): the
    // comparison reads compare_rows, the coverage queries scanned the whole table through it, and the
    // other readers of an indicator's targets go through compare_rows' range (Database::targets).
    // PostgreSQL keeps its values and indexes: only the version moves there.
    m.append(
        {21,
         QStringLiteral("parsed target values only where corrected"),
         {},
         QStringList{
             QStringLiteral("DROP TRIGGER targets_compare_insert"),
             QStringLiteral("DROP TRIGGER targets_compare_update"),
             QStringLiteral("DROP TRIGGER targets_compare_delete"),
             QStringLiteral("UPDATE targets SET p_area = NULL, p_indicator = NULL, p_scope = NULL, p_kind "
                            "= NULL, p_comparator = NULL, p_value = NULL, p_unit = NULL, p_baseline = "
                            "NULL, p_deadline = NULL WHERE corrected_fields = ''"),
             QStringLiteral("DROP INDEX targets_indicator"),
         } + compareRowsTriggers({"area", "scope", "kind", "comparator", "unit", "deadline", "quote",
                                  "corrected_fields", "section", "section_heading"}),
         {}});
    // 22: a measure's unit links in one value. measure_agencies held a row per (measure, agency, role,
    // place) and an index by agency (4.0 + 3.3 MB at 1,000 plans, and two B-tree inserts a link). The
    // readers go measure → units (every measures listing, in one pass) and agency → measures (the filter
    // by unit). SQLite now keeps a measure's links in measures.unit_links (unitlinks.h: 2–3 bytes a
    // link, NULL without links) and agency_measures, one (agency, measure) key a pair, for the filter.
    // measure_agencies becomes a view with the old columns (copies, digests and older readers read it;
    // inserting into it adds the link to both); a trigger removes a deleted measure's keys (a foreign key
    // from agency_measures to measures would need a second index to cascade). PostgreSQL keeps its table:
    // only the version moves there.
    m.append(
        {22,
         QStringLiteral("unit links on the measure row"),
         {},
         {
             QStringLiteral("ALTER TABLE measures ADD COLUMN unit_links BLOB"),
             QStringLiteral(
                 "UPDATE measures SET unit_links = (SELECT pc_links(agency_id, role, ordinal, "
                 "written) FROM measure_agencies ma WHERE ma.measure_id = measures.id) WHERE id IN "
                 "(SELECT measure_id FROM measure_agencies)"),
             QStringLiteral(
                 "CREATE TABLE agency_measures(agency_id INTEGER NOT NULL REFERENCES agencies(id), "
                 "measure_id INTEGER NOT NULL, PRIMARY KEY(agency_id, measure_id)) WITHOUT ROWID"),
             QStringLiteral("INSERT INTO agency_measures(agency_id, measure_id) SELECT DISTINCT agency_id, "
                            "measure_id FROM measure_agencies ORDER BY agency_id, measure_id"),
             QStringLiteral("DROP TABLE measure_agencies"),
             QStringLiteral("CREATE VIEW measure_agencies(measure_id, agency_id, role, ordinal, written) AS "
                            "SELECT m.id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), "
                            "json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]') FROM measures m, "
                            "json_each(pc_links_json(m.unit_links)) j WHERE m.unit_links IS NOT NULL"),
             QStringLiteral("CREATE TRIGGER measure_agencies_insert INSTEAD OF INSERT ON measure_agencies "
                            "BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed') WHERE NOT EXISTS "
                            "(SELECT 1 FROM measures WHERE id = new.measure_id); UPDATE measures SET "
                            "unit_links = pc_links_add(unit_links, new.agency_id, new.role, new.ordinal, "
                            "new.written) WHERE id = new.measure_id; INSERT INTO agency_measures(agency_id, "
                            "measure_id) VALUES (new.agency_id, new.measure_id) ON CONFLICT DO NOTHING; END"),
             QStringLiteral(
                 "CREATE TRIGGER measures_links_delete AFTER DELETE ON measures WHEN "
                 "old.unit_links IS NOT NULL BEGIN DELETE FROM agency_measures WHERE agency_id IN "
                 "(SELECT value FROM json_each(pc_links_agencies(old.unit_links))) AND measure_id = "
                 "old.id; END"),
         },
         {}});
    // 23: the search index fed in batches. An import writes a plan's rows in the plan's transaction and
    // lists its measures in search_pending (the measure's id, and a stamp naming the import that can feed
    // the index from the texts it still holds); the index catches up in a transaction of its own every few
    // plans and at the end of every import (Database::catchUpSearchIndex: one level-0 segment per batch
    // instead of one per plan), and any writable open indexes what a killed import left waiting. Until
    // then the search reads the waiting measures besides the index (search.cpp). The triggers give FTS5
    // a 'delete' only for a measure the index holds (a 'delete' of a row never indexed would corrupt it)
    // and forget a waiting measure that goes; a waiting measure whose texts change loses its stamp (the
    // batch then reads the row). search_pending is the index's own table (db copy and db compare leave
    // it out, like PostgreSQL's search_ tables). Nothing waits in a file of schema 22: the index is
    // unchanged. PostgreSQL has no such index: only the version moves there.
    m.append(
        {23,
         QStringLiteral("search index fed in batches"),
         {},
         {
             QStringLiteral("CREATE TABLE search_pending(measure_id INTEGER PRIMARY KEY, stamp INTEGER)"),
             QStringLiteral("DROP TRIGGER measures_fts_delete"),
             QStringLiteral("DROP TRIGGER measures_fts_update"),
             QStringLiteral("CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN "
                            "INSERT INTO measure_fts(measure_fts, rowid, title, body, units) SELECT "
                            "'delete', old.id, pc_title(old.body, old.title), pc_body(old.body), "
                            "pc_units(old.body, old.units) WHERE NOT EXISTS (SELECT 1 FROM search_pending "
                            "WHERE measure_id = old.id); DELETE FROM search_pending WHERE measure_id = "
                            "old.id; END"),
             QStringLiteral("CREATE TRIGGER measures_fts_update AFTER UPDATE OF title, body, units ON "
                            "measures BEGIN INSERT INTO measure_fts(measure_fts, rowid, title, body, "
                            "units) SELECT 'delete', old.id, pc_title(old.body, old.title), "
                            "pc_body(old.body), pc_units(old.body, old.units) WHERE NOT EXISTS (SELECT 1 "
                            "FROM search_pending WHERE measure_id = old.id); INSERT INTO "
                            "measure_fts(rowid, title, body, units) SELECT new.id, pc_title(new.body, "
                            "new.title), pc_body(new.body), pc_units(new.body, new.units) WHERE NOT EXISTS "
                            "(SELECT 1 FROM search_pending WHERE measure_id = old.id); UPDATE search_pending "
                            "SET stamp = NULL WHERE measure_id = old.id; END"),
         },
         {}});
    // 24: a text file is not stored twice. When a plan's file is exactly the UTF-8 of its source text
    // (after a UTF-8 byte order mark or not), document_files.original is empty and `derived` says so
    // (sqlutil.h: 1, or 2 with the mark); documentFile rebuilds the bytes from sources.text and checks
    // them against documents.sha256. Every other file keeps its bytes (derived 0). Existing rows stay as
    // they are (adding a column with a constant default rewrites nothing, on either engine); the version
    // tells an older PlanCompare not to read an empty original. PostgreSQL adds the column only if it
    // is missing: a step that runs again there (a version set back by hand) changes nothing.
    m.append({24,
              QStringLiteral("text files stored as their source"),
              {},
              {QStringLiteral("ALTER TABLE document_files ADD COLUMN derived INTEGER NOT NULL DEFAULT 0")},
              {QStringLiteral(
                  "ALTER TABLE document_files ADD COLUMN IF NOT EXISTS derived BIGINT NOT NULL DEFAULT 0")}});
    // 25: fresh rows, merged in bulk. A plan's transaction rewrote a leaf per key it added to
    // compare_rows (indicator), agency_measures (agency) and the index measures_area (area): about 130
    // random leaves, 75 % of the WAL bytes of an import. Each structure becomes a pair of tables behind a
    // view of its old name: <name>_fresh, keyed by what grows (the target's or the measure's id, so a
    // commit writes only its rightmost pages), and <name>_merged, clustered by the readers' key as
    // before. Database::mergeFreshRows moves the fresh rows into the merged tables in key order, one
    // statement per table, on the search index's cadence (every 64 plans or 8 MB within an import, at
    // the end of every import, at every writable open, at db compact): new ids land at the end of each
    // key's range, a leaf per key per batch instead of per plan. Readers go through the views
    // (UNION ALL; SQLite pushes the key down into both arms) and see every row wherever it lives;
    // the triggers change or delete a row in either table. measures_area becomes measure_areas_merged
    // (area, measure_id), since a scan of measures instead costs 30 ms for a small area at 1,000 plans
    // (0.2 ms by the key). All of these are derived (db copy and db compare leave them out).
    // PostgreSQL keeps its tables and indexes: only the version moves there.
    {
        const auto values = [&](const QString& t) {
            return valuesOf(t, {"area", "scope", "kind", "comparator", "unit", "deadline", "quote",
                                "corrected_fields", "section", "section_heading"});
        };
        m.append(
            {25,
             QStringLiteral("fresh rows merged in bulk"),
             {},
             {
                 QStringLiteral("DROP TRIGGER targets_compare_insert"),
                 QStringLiteral("DROP TRIGGER targets_compare_update"),
                 QStringLiteral("DROP TRIGGER targets_compare_delete"),
                 QStringLiteral("ALTER TABLE compare_rows RENAME TO compare_rows_merged"),
                 QStringLiteral(
                     "CREATE TABLE compare_rows_fresh(indicator TEXT NOT NULL, target_id INTEGER "
                     "PRIMARY KEY, document_id INTEGER NOT NULL, measure_ordinal INTEGER NOT NULL, "
                     "span_start INTEGER NOT NULL, rejected INTEGER NOT NULL, value REAL, baseline "
                     "REAL, confidence REAL, row TEXT NOT NULL)"),
                 QStringLiteral("CREATE VIEW compare_rows AS SELECT * FROM compare_rows_merged UNION ALL "
                                "SELECT * FROM compare_rows_fresh"),
                 QStringLiteral("CREATE TRIGGER targets_compare_insert AFTER INSERT ON targets WHEN "
                                "new.indicator IS NOT NULL BEGIN INSERT OR REPLACE INTO compare_rows_fresh "
                                "VALUES (%1); END")
                     .arg(values(QStringLiteral("new."))),
                 QStringLiteral(
                     "CREATE TRIGGER targets_compare_update AFTER UPDATE ON targets BEGIN DELETE "
                     "FROM compare_rows_merged WHERE indicator = old.indicator AND target_id = "
                     "old.id; DELETE FROM compare_rows_fresh WHERE target_id = old.id; INSERT OR "
                     "REPLACE INTO compare_rows_fresh SELECT %1 WHERE new.indicator IS NOT NULL; END")
                     .arg(values(QStringLiteral("new."))),
                 QStringLiteral("CREATE TRIGGER targets_compare_delete AFTER DELETE ON targets BEGIN DELETE "
                                "FROM compare_rows_merged WHERE indicator = old.indicator AND target_id = "
                                "old.id; DELETE FROM compare_rows_fresh WHERE target_id = old.id; END"),
                 QStringLiteral("DROP TRIGGER measure_agencies_insert"),
                 QStringLiteral("DROP TRIGGER measures_links_delete"),
                 QStringLiteral("ALTER TABLE agency_measures RENAME TO agency_measures_merged"),
                 QStringLiteral("CREATE TABLE agency_measures_fresh(measure_id INTEGER NOT NULL, agency_id "
                                "INTEGER NOT NULL REFERENCES agencies(id), PRIMARY KEY(measure_id, "
                                "agency_id)) WITHOUT ROWID"),
                 QStringLiteral("CREATE VIEW agency_measures(agency_id, measure_id) AS SELECT agency_id, "
                                "measure_id FROM agency_measures_merged UNION ALL SELECT agency_id, "
                                "measure_id FROM agency_measures_fresh"),
                 QStringLiteral(
                     "CREATE TRIGGER measure_agencies_insert INSTEAD OF INSERT ON measure_agencies BEGIN "
                     "SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed') WHERE NOT EXISTS (SELECT 1 FROM "
                     "measures WHERE id = new.measure_id); UPDATE measures SET unit_links = "
                     "pc_links_add(unit_links, new.agency_id, new.role, new.ordinal, new.written) WHERE id "
                     "= new.measure_id; INSERT OR IGNORE INTO agency_measures_fresh(measure_id, agency_id) "
                     "SELECT new.measure_id, new.agency_id WHERE NOT EXISTS (SELECT 1 FROM "
                     "agency_measures_merged WHERE agency_id = new.agency_id AND measure_id = "
                     "new.measure_id); END"),
                 QStringLiteral(
                     "CREATE TRIGGER measures_links_delete AFTER DELETE ON measures WHEN "
                     "old.unit_links IS NOT NULL BEGIN DELETE FROM agency_measures_merged WHERE "
                     "agency_id IN (SELECT value FROM json_each(pc_links_agencies(old.unit_links))) "
                     "AND measure_id = old.id; DELETE FROM agency_measures_fresh WHERE measure_id = "
                     "old.id; END"),
                 QStringLiteral("DROP INDEX measures_area"),
                 QStringLiteral(
                     "CREATE TABLE measure_areas_merged(area TEXT NOT NULL, measure_id INTEGER NOT "
                     "NULL, PRIMARY KEY(area, measure_id)) WITHOUT ROWID"),
                 QStringLiteral("INSERT INTO measure_areas_merged(area, measure_id) SELECT area, id FROM "
                                "measures WHERE area IS NOT NULL ORDER BY area, id"),
                 QStringLiteral("CREATE TABLE measure_areas_fresh(measure_id INTEGER PRIMARY KEY, area TEXT "
                                "NOT NULL)"),
                 QStringLiteral("CREATE VIEW measure_areas(area, measure_id) AS SELECT area, measure_id FROM "
                                "measure_areas_merged UNION ALL SELECT area, measure_id FROM "
                                "measure_areas_fresh"),
                 QStringLiteral("CREATE TRIGGER measures_area_insert AFTER INSERT ON measures WHEN new.area "
                                "IS NOT NULL BEGIN INSERT OR REPLACE INTO measure_areas_fresh(measure_id, "
                                "area) VALUES (new.id, new.area); END"),
                 QStringLiteral(
                     "CREATE TRIGGER measures_area_update AFTER UPDATE OF id, area ON measures "
                     "BEGIN DELETE FROM measure_areas_merged WHERE area = old.area AND measure_id = "
                     "old.id; DELETE FROM measure_areas_fresh WHERE measure_id = old.id; INSERT OR "
                     "REPLACE INTO measure_areas_fresh(measure_id, area) SELECT new.id, new.area "
                     "WHERE new.area IS NOT NULL; END"),
                 QStringLiteral("CREATE TRIGGER measures_area_delete AFTER DELETE ON measures BEGIN DELETE "
                                "FROM measure_areas_merged WHERE area = old.area AND measure_id = old.id; "
                                "DELETE FROM measure_areas_fresh WHERE measure_id = old.id; END"),
             },
             {}});
    }
    return m;
}

} // namespace

const QList<Migration>& migrations() {
    static const QList<Migration> m = buildMigrations();
    return m;
}

int latestVersion() {
    return migrations().last().version;
}

const QString& waitingRowsQuery() {
    static const QString q = QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM search_pending) OR EXISTS (SELECT 1 FROM compare_rows_fresh) OR EXISTS "
        "(SELECT 1 FROM agency_measures_fresh) OR EXISTS (SELECT 1 FROM measure_areas_fresh)");
    return q;
}

const QStringList& freshRowsMerge() {
    // The triggers keep a key in one of the two tables; OR REPLACE / OR IGNORE only settle a key written
    // twice (a target id reused by INSERT OR REPLACE on targets, which fires no delete trigger). The caller
    // runs them in one transaction: interrupted, nothing moved; run again, nothing is fresh.
    static const QStringList q{
        QStringLiteral("INSERT OR REPLACE INTO compare_rows_merged SELECT * FROM compare_rows_fresh ORDER BY "
                       "indicator, target_id"),
        QStringLiteral("DELETE FROM compare_rows_fresh"),
        QStringLiteral(
            "INSERT OR IGNORE INTO agency_measures_merged(agency_id, measure_id) SELECT agency_id, "
            "measure_id FROM agency_measures_fresh ORDER BY agency_id, measure_id"),
        QStringLiteral("DELETE FROM agency_measures_fresh"),
        QStringLiteral(
            "INSERT OR REPLACE INTO measure_areas_merged(area, measure_id) SELECT area, measure_id "
            "FROM measure_areas_fresh ORDER BY area, measure_id"),
        QStringLiteral("DELETE FROM measure_areas_fresh"),
    };
    return q;
}

Status migrate(QSqlDatabase& db, int upTo) {
    const Engine engine = engineOf(db);
    const QString label = connectionLabel(db);
    Result<int> v = readSchemaVersion(db);
    if (!v)
        return v.error();
    const int current = *v;
    if (current > latestVersion())
        return Status::failure(
            QStringLiteral("database %1 has schema version %2, newer than this PlanCompare "
                           "understands (%3); use a newer PlanCompare or another file")
                .arg(label)
                .arg(current)
                .arg(latestVersion()),
            QStringLiteral("db-too-new"));
    for (const Migration& step : migrations()) {
        if (step.version <= current)
            continue;
        if (upTo >= 0 && step.version > upTo)
            break;
        // SQLite: BEGIN IMMEDIATE takes the write lock first, so two processes opening a fresh file
        // do not both try to create the tables. PostgreSQL: a transaction-scoped advisory lock does
        // the same for two clients of one server.
        // The PostgreSQL lock is taken before BEGIN: a transaction that starts after the other client
        // committed sees its tables (one that started before keeps stale catalog caches).
        if (engine == Engine::PostgreSQL) {
            if (Status s = execStatus(db, QStringLiteral("SELECT pg_advisory_lock(7237001)")); !s)
                return s;
        }
        const auto unlock = [&] {
            if (engine == Engine::PostgreSQL)
                execStatus(db, QStringLiteral("SELECT pg_advisory_unlock(7237001)"));
        };
        if (Status s = execStatus(db, beginWrite(engine)); !s) {
            unlock();
            return s;
        }
        // Another process may have migrated while we waited for the lock.
        Result<int> again = readSchemaVersion(db);
        if (!again) {
            execStatus(db, QStringLiteral("ROLLBACK"));
            unlock();
            return again.error();
        }
        if (*again >= step.version) {
            execStatus(db, QStringLiteral("ROLLBACK"));
            unlock();
            continue;
        }
        QStringList statements;
        for (const QString& sql : step.statements)
            statements << translateDdl(engine, sql);
        statements << (engine == Engine::PostgreSQL ? step.postgres : step.sqlite);
        Status failed = okStatus();
        for (const QString& sql : std::as_const(statements)) {
            failed = execStatus(db, sql);
            if (!failed)
                break;
        }
        if (failed)
            failed = writeSchemaVersion(db, step.version);
        if (failed)
            failed = execStatus(db, QStringLiteral("COMMIT"));
        if (!failed)
            execStatus(db, QStringLiteral("ROLLBACK"));
        unlock();
        if (!failed) {
            return Status::failure(
                QStringLiteral("database %1: migration step %2 (%3) failed, the database stays at "
                               "version %4: %5")
                    .arg(label)
                    .arg(step.version)
                    .arg(step.name)
                    .arg(step.version - 1)
                    .arg(failed.errorMessage()),
                failed.error().code == QLatin1String("db-locked") ? failed.error().code
                                                                  : QStringLiteral("db-migration"));
        }
    }
    return okStatus();
}

} // namespace pc::store
