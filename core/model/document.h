// The document model: what the parser recovers from one plan (metadata, sections, measures, units).
#pragma once

#include "read/readresult.h"
#include "span.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pc {

// A responsible organisation as written and in a normalized form, so that the
// same unit written two ways within one plan compares equal.
struct Unit {
    QString written;
    QString normalized;
    bool operator==(const Unit&) const = default;
};

enum class Layout { Unknown, TabTable, NumberedProse, ProseTaskTable, InterleavedPdf, Generic };
QString layoutName(Layout l);

struct DocumentMeta {
    QString docId;        // file stem, e.g. "dazu-2019"
    QString jurisdiction; // 重庆市, 大足区 …
    QString level;        // "municipal" | "district" | ""
    int year = 0;
    QString docNumber; // 文号, e.g. 大足府办发〔2019〕88号
    QString issuer;    // issuing office
    QString issuedOn;  // YYYY-MM-DD
    QString title;
    QString jurisdictionCode; // GB/T 2260 code from the gazetteer (500111); empty when unknown or a zone
    QString planKind; // comprehensive (综合方案) | special (专项方案, one topic such as 获得用水用气)
    // The plan this one implements, as its text names it: 根据《…》（渝府办发〔2019〕81号）.
    QString implementsTitle;     // the title inside 《》, as written
    QString implementsDocNumber; // its 文号
    QStringList fromManifest;    // which fields were filled from the manifest, not the text
    bool operator==(const DocumentMeta&) const = default;
};

struct Section {
    int id = -1;
    int parentId = -1; // -1 for top level
    int level = 0;     // 1 = 一、, 2 = （一）, …
    QString label;     // "一、", "（二）"
    QString heading;   // heading text as written, without the label
    Span span;         // the heading line in the source
    bool operator==(const Section&) const = default;
};

// A sub-item of a measure: （1）… in a table cell, or one row of a task-table item.
struct SubItem {
    QString label;
    QString text;
    Span span;
    QList<Unit> lead;
    QList<Unit> partners;
    QString deadline; // YYYY-MM, "已完成" or empty
    bool operator==(const SubItem&) const = default;
};

struct Measure {
    int number = 0;               // as numbered in the plan
    QString title;                // short title / first sentence / 改革事项; may be empty
    QString body;                 // the measure's text, normalized, noise (and recognised interleaved
                                  // unit fragments) removed — what extraction reads
    QList<qsizetype> bodyOffsets; // source offset of every character of body (same length), so a
                                  // match in body maps back to a source span
    QString areaHeading;          // heading the measure sits under, as written (e.g. "一、开办企业")
    int sectionId = -1;
    QList<SubItem> items;
    QList<Unit> lead;
    QList<Unit> partners;
    QString deadline; // YYYY-MM, "已完成" or empty (earliest/governing deadline)
    QString remark;   // 备注, e.g. 重点改革事项
    QString area;     // canonical area code, filled by classification
    Span span;        // whole measure in the source
    Span titleSpan;
    double confidence = 1.0; // 0..1; low where the text had to be reconstructed
    bool operator==(const Measure&) const = default;
};

struct Document {
    QString path;                            // file it was read from
    QString sha256;                          // of the file's bytes
    QString source;                          // decoded source text; every Span indexes into it
    QString encoding;                        // "UTF-8", "GB18030"
    QString format = QStringLiteral("text"); // read::formatName of the file: text, docx, html, pdf
    QList<qsizetype> pageStarts;             // offset of each page's first character (PDF), else empty
    int pageCount = 0;
    QList<read::OriginRun> origins; // where each run of source came from (see read/readresult.h)
    DocumentMeta meta;
    Layout layout = Layout::Unknown;
    QList<Section> sections;
    QList<Measure> measures;
    QList<Issue> issues;
    double confidence = 1.0;

    QString textAt(Span s) const { return s.isValid() ? source.mid(s.start, s.length()) : QString(); }
    bool operator==(const Document&) const = default;
};

} // namespace pc
