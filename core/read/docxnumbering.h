// DOCX automatic numbering (numbering.xml): list definitions, counters and the rendered labels.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace pc::read::docx {

// n rendered in a WordprocessingML number format (ST_NumberFormat: "decimal", "chineseCounting",
// "ideographTraditional", "upperLetter" …). Formats not known fall back to decimal; "none" is empty.
QString formatNumber(int n, const QString& numFmt);

struct Level {
    int start = 1;
    QString numFmt = QStringLiteral("decimal");
    QString lvlText;    // "%1." "（%1）" "%1、" "%1.%2" …
    QString suffix;     // "tab" (default), "space", "nothing"
    QString pStyle;     // style bound to this level
    int restart = -1;   // lvlRestart as written: restart after this 1-based level; 0 never; -1 absent
    bool legal = false; // isLgl: every %n in decimal
};

// Counters advance as paragraphs are read, in document order.
class Numbering {
public:
    // A missing or damaged numbering.xml gives an empty Numbering (paragraphs keep no labels).
    static Numbering parse(const QByteArray& numberingXml);

    bool isEmpty() const { return m_nums.isEmpty(); }
    // The label of the next paragraph of list numId at level ilvl ("一、", "（1）"), advancing the
    // counters; empty when numId is 0 or unknown. The label includes its separator (a space where
    // the label does not end in punctuation and the level asks for a tab or space).
    QString next(int numId, int ilvl);
    // The level bound to a paragraph style in list numId (lvl/pStyle), or -1.
    int levelForStyle(int numId, const QString& styleId) const;

private:
    struct Num {
        int abstractId = -1;
        QHash<int, int> startOverride;
        QHash<int, Level> levelOverride;
    };
    const Level* level(int numId, int ilvl) const;
    QHash<int, QList<Level>> m_abstract; // abstractNumId → levels 0..8
    QHash<int, Num> m_nums;
    // Counter sets: lists that share an abstract definition continue one another (Word's
    // behaviour); a list with a start override counts on its own.
    QHash<QString, QList<int>> m_counters;
};

} // namespace pc::read::docx
