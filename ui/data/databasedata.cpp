// WorkbenchData over the store. No SQL here: only pc::Database, pc::Importer and compare::*.
#include "databasedata.h"

#include "common/datapaths.h"
#include "common/manifest.h"
#include "coveragebuilder.h"
#include "export/exporter.h"
#include "extract/analysis.h"
#include "store/database.h"
#include "store/importer.h"
#include "taxonomy/classifier.h"
#include "taxonomy/taxonomy.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <atomic>

namespace pc::ui {

namespace {

std::optional<OverrideKind> overrideKind(TargetField f) {
    switch (f) {
    case TargetField::Value:
        return OverrideKind::TargetValue;
    case TargetField::Comparator:
        return OverrideKind::TargetComparator;
    case TargetField::Unit:
        return OverrideKind::TargetUnit;
    case TargetField::Baseline:
        return OverrideKind::TargetBaseline;
    case TargetField::Deadline:
        return OverrideKind::TargetDeadline;
    case TargetField::Scope:
        return OverrideKind::TargetScope;
    case TargetField::Indicator:
        return OverrideKind::TargetIndicator;
    case TargetField::NotTarget:
        return OverrideKind::RejectTarget;
    }
    return std::nullopt;
}

NoteSubject noteSubject(NoteOn on) {
    switch (on) {
    case NoteOn::Plan:
        return NoteSubject::Document;
    case NoteOn::Measure:
        return NoteSubject::Measure;
    case NoteOn::Target:
        return NoteSubject::Target;
    }
    return NoteSubject::Document;
}

// Metadata the text leaves out comes from a manifest.json beside the file, as in the CLI.
class ManifestCache {
public:
    const ManifestEntry* entryFor(const QString& path) {
        const QFileInfo fi(path);
        const QString dir = fi.absolutePath();
        if (!m_manifests.contains(dir)) {
            Result<Manifest> m = QFileInfo::exists(dir + QStringLiteral("/manifest.json"))
                                     ? readManifest(dir)
                                     : Result<Manifest>(Manifest{});
            m_manifests.insert(dir, m ? m.value() : Manifest{});
        }
        const Manifest& m = m_manifests[dir];
        for (const ManifestEntry& e : m.entries)
            if (e.file == fi.fileName())
                return &e;
        return nullptr;
    }

private:
    QHash<QString, Manifest> m_manifests;
};

class DatabaseData : public WorkbenchData {
public:
    DatabaseData(std::unique_ptr<Database> db, std::optional<Taxonomy> taxonomy, DatabaseOptions options)
        : m_db(std::move(db))
        , m_taxonomy(std::move(taxonomy))
        , m_options(std::move(options)) {
        refreshTaxonomy();
    }

    QString location() const override { return m_db->path(); }
    bool readOnly() const override { return m_db->readOnly(); }
    QString readOnlyReason() const override { return m_db->readOnlyReason(); }
    QList<Area> areas() const override { return m_areas; }
    QList<Indicator> indicators() const override { return m_indicators; }
    Result<QList<PlanInfo>> plans() override { return recovering(compare::plans(*m_db, planSelection())); }
    Result<QList<PlanInfo>> allPlans() override { return m_db->planInfos(); }
    Result<QList<ComparisonRow>> rows(const QString& id) override {
        return recovering(compare::byIndicator(*m_db, id, planSelection()));
    }
    Result<QList<CoverageCell>> coverage(const QString& areaId) override {
        return compare::coverageOfArea(*m_db, areaId, planSelection());
    }
    // Every area's cells in one pass: each plan's targets and measures read once (not once per
    // area), cues found with one CueMatcher pass per text. With every plan chosen, the store's
    // per-area queries (an index range per area instead of 10,000 plans' rows).
    Result<QList<CoverageCell>> coverageOfAreas(const QList<PlanInfo>& plans) override {
        if (planSelection().mode == PlanSelection::Mode::All)
            return WorkbenchData::coverageOfAreas(plans);
        CoverageBuilder builder(m_areas, m_indicators);
        for (const PlanInfo& p : plans) {
            TargetFilter tf;
            tf.documentId = p.documentId;
            Result<QList<ComparisonRow>> targets = m_db->targets(tf);
            if (!targets)
                return targets.error();
            builder.addTargets(*targets);
            MeasureFilter f;
            f.documentId = p.documentId;
            Result<QList<MeasureRecord>> ms = m_db->measures(f);
            if (!ms)
                return ms.error();
            for (const MeasureRecord& m : std::as_const(*ms))
                builder.addMeasure(p.docId, m.area, m.title, m.body);
        }
        return builder.cells(plans);
    }
    // The matrix' content: the selection's plans' targets read plan by plan (fast for 40 plans among
    // 10,000), in taxonomy order like WorkbenchData::allRows.
    Result<QList<QPair<QString, QList<ComparisonRow>>>> allRows() override {
        Result<QHash<QString, QList<ComparisonRow>>> byId = compare::rowsByIndicator(*m_db, planSelection());
        if (!byId)
            return byId.error();
        QList<QPair<QString, QList<ComparisonRow>>> out;
        for (const Indicator& ind : indicators())
            if (auto it = byId->constFind(ind.id); it != byId->constEnd() && !it->isEmpty())
                out.append({ind.id, *it});
        return out;
    }
    Result<QStringList> planSetNames() override { return m_db->planSetNames(); }
    Status savePlanSet(const QString& name, const QStringList& docIds) override {
        return recovering(m_db->savePlanSet(name, docIds));
    }
    Status correctPlan(const QString& docId, const QString& field, const QString& value) override {
        return recovering(m_db->correctPlan(docId, field, value));
    }

    // The measures of the plan set's plans (every measure with PlanSelection::all()).
    Result<QList<MeasureRow>> measures() override {
        Result<QList<MeasureRecord>> all = QList<MeasureRecord>();
        if (planSelection().mode == PlanSelection::Mode::All) {
            all = m_db->measures();
        } else {
            Result<QList<PlanInfo>> ps = plans();
            if (!ps)
                return ps.error();
            for (const PlanInfo& p : *ps) {
                MeasureFilter f;
                f.documentId = p.documentId;
                Result<QList<MeasureRecord>> some = m_db->measures(f);
                if (!some)
                    return some.error();
                all->append(*some);
            }
        }
        if (!all)
            return all.error();
        QList<MeasureRow> out;
        out.reserve(all->size());
        for (const MeasureRecord& m : all.value())
            out << MeasureRow{m.id,   m.docId, m.jurisdiction, m.level,    m.area,  m.number, m.title,
                              m.body, m.lead,  m.partners,     m.deadline, m.start, m.end,    m.confidence};
        return out;
    }

    Result<SearchResults> search(const QString& query) override {
        SearchOptions o;
        o.limit = 2000;
        if (m_searchCandidateLimit >= 0)
            o.candidateLimit = m_searchCandidateLimit;
        SearchInfo info;
        Result<QList<pc::SearchHit>> hits = m_db->search(query, o, &info);
        if (!hits)
            return hits.error();
        SearchResults out;
        out.hits.reserve(hits->size());
        for (const pc::SearchHit& h : hits.value())
            out.hits << SearchHit{h.measureId, h.score, h.snippet};
        out.rankedAmong = info.capped ? info.rankedAmong : 0;
        return out;
    }

    Result<PlanText> planText(const QString& docId) override {
        Result<DocumentRecord> doc = m_db->documentByDocId(docId);
        if (!doc)
            return doc.error();
        PlanText t;
        t.plan = PlanInfo{doc->id,
                          doc->docId,
                          doc->jurisdiction,
                          doc->level,
                          doc->year,
                          doc->docNumber,
                          doc->issuedOn,
                          doc->title,
                          doc->jurisdictionCode,
                          doc->planKind,
                          doc->implementsDocNumber};
        Result<QString> text = m_db->documentSource(doc->id);
        if (!text)
            return text.error();
        t.text = text.value();
        if (Result<QList<qsizetype>> pages = m_db->documentPageStarts(doc->id))
            t.pageStarts = pages.value();
        // The outline: each area heading once, then its measures.
        MeasureFilter mf;
        mf.documentId = doc->id;
        if (Result<QList<MeasureRecord>> ms = m_db->measures(mf)) {
            QString heading;
            for (const MeasureRecord& m : ms.value()) {
                if (!m.areaHeading.isEmpty() && m.areaHeading != heading) {
                    heading = m.areaHeading;
                    t.outline << OutlineEntry{1, QString(), heading, m.start};
                }
                const QString title = m.title.isEmpty() ? m.body.left(24) : m.title;
                t.outline << OutlineEntry{heading.isEmpty() ? 1 : 2, QStringLiteral("%1. ").arg(m.number),
                                          title, m.start};
            }
        }
        TargetFilter tf;
        tf.documentId = doc->id;
        if (Result<QList<ComparisonRow>> targets = m_db->targets(tf))
            t.targets = targets.value();
        return t;
    }

    Result<qint64> setOverride(const ComparisonRow& row, TargetField field, const QString& value) override {
        // row.version: the version the view showed (0: apply to the current row, as the CLI without
        // --expect-version); a stale one is refused with code "conflict".
        const std::optional<qint64> expected =
            row.version > 0 ? std::optional<qint64>(row.version) : std::nullopt;
        if (field == TargetField::NotTarget)
            return recovering(
                m_db->correctTarget(row.targetId, OverrideKind::RejectTarget, QString(), expected));
        return recovering(m_db->correctTarget(row.targetId, *overrideKind(field), value, expected));
    }

    Result<qint64> addTarget(const NewTarget& t) override {
        Result<DocumentRecord> doc = m_db->documentByDocId(t.docId);
        if (!doc)
            return doc.error();
        pc::NewTarget n;
        n.documentId = doc->id;
        n.start = t.start;
        n.end = t.end;
        n.indicator = t.indicator;
        n.comparator = t.comparator.isEmpty() ? QStringLiteral("=") : t.comparator;
        n.value = t.value;
        n.unit = t.unit;
        n.deadline = t.deadline;
        n.scope = t.scope;
        return recovering(m_db->addTarget(n));
    }

    Status removeOverride(qint64 overrideId) override { return recovering(m_db->removeOverride(overrideId)); }

    Result<QList<Note>> notes(NoteOn on, qint64 subjectId) override {
        NoteFilter f;
        f.subject = noteSubject(on);
        f.subjectId = subjectId;
        Result<QList<NoteRecord>> all = m_db->notes(f);
        if (!all)
            return all.error();
        QList<Note> out;
        for (const NoteRecord& n : all.value())
            out << Note{n.id, on, n.subjectId, n.text, n.createdAt, n.updatedAt};
        return out;
    }

    Result<qint64> addNote(NoteOn on, qint64 subjectId, const QString& text) override {
        return recovering(m_db->addNote(noteSubject(on), subjectId, text));
    }
    Status editNote(qint64 noteId, const QString& text) override {
        return recovering(m_db->updateNote(noteId, text));
    }
    Status removeNote(qint64 noteId) override { return recovering(m_db->removeNote(noteId)); }

    Result<align::Plan> alignmentPlan(const QString& docId) override {
        return align::planFromDatabase(*m_db, docId);
    }

    Status exportTables(const QString& format, const QString& path, const QString& indicator,
                        const QString& area) override {
        const Exporter* exporter = exporterFor(format);
        if (!exporter)
            return Status::failure(QStringLiteral("%1: unknown export format '%2'").arg(path, format),
                                   QStringLiteral("bad-format"));
        Result<ExportData> data = collectExportData(*m_db, indicator, area, planSelection());
        if (!data)
            return data.error();
        return exporter->write(data.value(), path, ExportOptions{});
    }

    Result<QList<ParserNote>> parserNotes(const QString& docId) override {
        Result<DocumentRecord> doc = m_db->documentByDocId(docId);
        if (!doc)
            return doc.error();
        Result<QList<DocumentIssue>> issues = m_db->documentIssues(doc->id);
        if (!issues)
            return issues.error();
        QList<ParserNote> out;
        for (const DocumentIssue& i : issues.value())
            out << ParserNote{i.severity, i.code, i.message, i.start, i.end};
        return out;
    }

    bool canCompact() const override { return !m_db->isPostgres() && !m_db->readOnly(); }
    Result<qint64> freeBytes() override { return m_db->freeBytes(); }
    Result<std::pair<qint64, qint64>> compactDatabase() override {
        if (m_db->isPostgres())
            return m_db->compact(); // says why not
        // This runs on a worker thread: its own connection to the same file.
        Result<std::unique_ptr<Database>> db = Database::open(m_db->path(), m_options);
        if (!db)
            return db.error();
        return db.value()->compact();
    }

    QList<ImportOutcome> importFiles(const QStringList& paths, const ImportProgress& progress) override {
        QList<ImportOutcome> out;
        if (m_db->readOnly()) {
            for (const QString& p : paths)
                out << ImportOutcome{p, ImportOutcome::State::Failed,
                                     m_db->checkWritable(QStringLiteral("importing")).errorMessage()};
            return out;
        }
        // This runs on a worker thread: its own connection to the same file.
        Result<std::unique_ptr<Database>> db = Database::open(m_db->path(), m_options);
        if (!db) {
            for (const QString& p : paths)
                out << ImportOutcome{p, ImportOutcome::State::Failed, db.errorMessage()};
            return out;
        }
        std::optional<Taxonomy> taxonomy = m_taxonomy;
        if (!taxonomy) {
            Result<Taxonomy> t = Taxonomy::loadDefault();
            if (!t) {
                for (const QString& p : paths)
                    out << ImportOutcome{p, ImportOutcome::State::Failed, t.errorMessage()};
                return out;
            }
            taxonomy = t.value();
        }
        db.value()->storeTaxonomy(*taxonomy);
        // Files are analysed ahead on worker threads (Importer::importFiles) while this thread stores
        // them in order. Only the file being stored reports its analysis' percentage, so the bar
        // never goes back; the others only learn whether the import was cancelled.
        ManifestCache manifests;
        QMutex manifestsMutex;
        std::atomic<int> current{0};
        std::atomic<bool> cancelled{false};
        auto report = [&](int fileIndex, int percent) {
            if (progress && !progress(fileIndex, percent))
                cancelled = true;
            return !cancelled.load();
        };
        const Classifier classifier(*taxonomy); // one for the run, read by every worker thread
        Importer importer(*db.value(), [&](const QByteArray& bytes, const QString& path) {
            std::optional<ManifestEntry> entry;
            {
                const QMutexLocker lock(&manifestsMutex);
                if (const ManifestEntry* e = manifests.entryFor(path))
                    entry = *e;
            }
            const int fileIndex = Importer::fileIndexBeingAnalysed();
            AnalyzeOptions o;
            o.manifest = entry ? &*entry : nullptr;
            o.classifier = &classifier;
            o.identify = false; // the importer has hashed the bytes already
            o.progress = [&, fileIndex](int percent) {
                if (fileIndex != current.load())
                    return !cancelled.load();
                return report(fileIndex, std::clamp(percent, 0, 99));
            };
            return analyzeBytes(bytes, path, *taxonomy, o);
        });
        ImportOptions options;
        options.starting = [&](int index, int) {
            if (!report(index, 0))
                return false;
            current = index;
            return true;
        };
        options.progress = [&](int done, int, const FileImport& r) {
            const int fileIndex = done - 1;
            ImportOutcome o{r.path, ImportOutcome::State::Failed, r.reason};
            switch (r.status) {
            case ImportStatus::Imported:
            case ImportStatus::Replaced:
                o.state = ImportOutcome::State::Imported;
                o.message = QStringLiteral("%1：%2 条措施，%3 个目标")
                                .arg(r.status == ImportStatus::Replaced ? QStringLiteral("已替换旧版本")
                                                                        : QStringLiteral("新导入"))
                                .arg(r.measures)
                                .arg(r.targets);
                if (!r.overrideProblems.isEmpty())
                    o.message += QStringLiteral("；") + r.overrideProblems.join(QStringLiteral("；"));
                break;
            case ImportStatus::Unchanged:
                o.state = ImportOutcome::State::Unchanged;
                o.message = QStringLiteral("与已导入版本相同");
                break;
            case ImportStatus::Failed:
                break;
            }
            out << o;
            return report(fileIndex, 100);
        };
        importer.importFiles(paths, options);
        // With the shipped taxonomy nothing changes; the lists are not reassigned here, on the worker
        // thread, while the window reads them.
        if (!m_taxonomy)
            refreshTaxonomy();
        return out;
    }

private:
    // A lost connection (the server restarted, the connection was dropped) is reported once — the
    // store rolled the change back and says so — and the next call runs on a new connection, so
    // trying again works without reopening the database.
    template <typename R> R recovering(R result) {
        if (!result && result.error().code == QLatin1String("db-connection"))
            m_db->reconnect();
        return result;
    }

    void refreshTaxonomy() {
        if (m_taxonomy) {
            m_areas = m_taxonomy->areas();
            m_indicators = m_taxonomy->indicators();
            m_indicatorCache.clear();
            return;
        }
        // No shipped taxonomy found: use the snapshot the database kept at its last import.
        if (Result<QList<Area>> a = m_db->areas())
            m_areas = a.value();
        if (Result<QList<Indicator>> i = m_db->indicators())
            m_indicators = i.value();
        m_indicatorCache.clear();
    }

    std::unique_ptr<Database> m_db;
    std::optional<Taxonomy> m_taxonomy;
    DatabaseOptions m_options;
    QList<Area> m_areas;
    QList<Indicator> m_indicators;
};

} // namespace

Result<std::unique_ptr<WorkbenchData>> openDatabaseData(const QString& path, bool readOnly,
                                                        const QString& password) {
    DatabaseOptions options;
    options.readOnly = readOnly;
    options.password = password;
    Result<std::unique_ptr<Database>> db = Database::open(path, options);
    if (!db)
        return db.error();
    Result<Taxonomy> taxonomy = Taxonomy::loadDefault();
    std::unique_ptr<WorkbenchData> data = std::make_unique<DatabaseData>(
        std::move(db.value()), taxonomy ? std::optional<Taxonomy>(taxonomy.value()) : std::nullopt, options);
    return data;
}

Result<QStringList> seedFiles() {
    const Result<QString> dir = findSeedsDir();
    if (!dir)
        return dir.error();
    const Result<Manifest> m = readManifest(dir.value());
    if (!m)
        return m.error();
    QStringList paths;
    for (const ManifestEntry& e : m->entries)
        paths << m->pathOf(e);
    return paths;
}

} // namespace pc::ui
