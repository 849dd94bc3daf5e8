// HTML → text through Gumbo: decode, parse, score block containers, write the best one as lines.
#include "htmlreader.h"

#include "text/decode.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <gumbo.h>

#include <memory>
#include <vector>

namespace pc::read {
namespace {

// Trees deeper than this are hostile or broken; their deeper parts are not read (no recursion
// here walks deeper, so a million nested <div>s cannot overflow the stack).
constexpr int kMaxDepth = 400;

QString normaliseLabel(QString label) {
    label = label.trimmed().toLower();
    if (label == QLatin1String("gb2312") || label == QLatin1String("gbk") ||
        label == QLatin1String("gb18030") || label == QLatin1String("x-gbk") ||
        label == QLatin1String("cp936") || label == QLatin1String("ms936") ||
        label == QLatin1String("windows-936") || label == QLatin1String("csgb2312") ||
        label == QLatin1String("euc-cn") || label == QLatin1String("gb_2312-80") ||
        label == QLatin1String("chinese"))
        return QStringLiteral("GB18030");
    if (label == QLatin1String("utf-8") || label == QLatin1String("utf8") ||
        label == QLatin1String("unicode-1-1-utf-8"))
        return QStringLiteral("UTF-8");
    return label;
}

bool isStrictUtf8(const QByteArray& bytes) {
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = d.decode(bytes);
    return !d.hasError();
}

bool hasNonAscii(const QByteArray& bytes) {
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

enum class Kind { Skip, Container, Block, Inline, Break, Row, Cell, Table, Pre };

Kind kindOf(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MENU:
        return Kind::Skip;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BLOCKQUOTE:
        return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ? Kind::Cell : Kind::Container;
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HR:
        return Kind::Block;
    case GUMBO_TAG_PRE:
        return Kind::Pre;
    case GUMBO_TAG_BR:
        return Kind::Break;
    case GUMBO_TAG_TR:
        return Kind::Row;
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
        return Kind::Table;
    default:
        return Kind::Inline;
    }
}

QString attr(const GumboNode* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT)
        return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

// Class/id words of government and news sites: where the article is, and where it is not.
int hintOf(const GumboNode* n) {
    const QString words = (attr(n, "class") + QLatin1Char(' ') + attr(n, "id")).toLower();
    if (words.trimmed().isEmpty())
        return 0;
    static const QRegularExpression negative(QStringLiteral(
        "nav|menu|breadcrumb|crumb|footer|foot\\b|header|head\\b|sidebar|side\\b|share|copyright|banner|"
        "position|location|weizhi|related|xgxx|comment|toolbar|print|login|search|friendlink|links?\\b"));
    static const QRegularExpression positive(QStringLiteral(
        "trs_editor|article|content|zoom|main|detail|text|body|wenzhang|zhengwen|con\\b|view|pages?_?con"));
    int hint = 0;
    if (positive.match(words).hasMatch())
        hint += 1;
    if (negative.match(words).hasMatch())
        hint -= 1;
    return hint;
}

bool isPunct(QChar c) {
    switch (c.unicode()) {
    case 0x3002: // 。
    case 0xFF0C: // ，
    case 0xFF1B: // ；
    case 0xFF1A: // ：
    case 0x3001: // 、
    case 0xFF08: // （
    case 0xFF01: // ！
    case 0xFF1F: // ？
        return true;
    default:
        return false;
    }
}

struct NodeInfo {
    double score = 0;
    qsizetype text = 0;     // characters of text in the subtree (skipped parts excluded)
    qsizetype linkText = 0; // ... of which inside <a>
};

class Scorer {
public:
    QHash<const GumboNode*, NodeInfo> info;

    // Iterative post-order walk: text and link text per element; each block's own text scores its
    // nearest containers (1, ½, ¼), tables being transparent.
    void run(const GumboNode* root) {
        struct Frame {
            const GumboNode* node;
            unsigned next;
            int depth;
        };
        std::vector<Frame> stack{{root, 0, 0}};
        while (!stack.empty()) {
            Frame& f = stack.back();
            const GumboNode* n = f.node;
            if (n->type == GUMBO_NODE_ELEMENT && f.next < n->v.element.children.length &&
                f.depth < kMaxDepth) {
                const auto* child = static_cast<const GumboNode*>(n->v.element.children.data[f.next++]);
                if (child->type == GUMBO_NODE_ELEMENT && kindOf(child->v.element.tag) == Kind::Skip)
                    continue;
                if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
                    addText(child);
                    continue;
                }
                if (child->type == GUMBO_NODE_ELEMENT)
                    stack.push_back({child, 0, f.depth + 1});
                continue;
            }
            stack.pop_back();
            if (n->type == GUMBO_NODE_ELEMENT && n->parent && n->parent->type == GUMBO_NODE_ELEMENT) {
                // A copy: inserting the parent may rehash and move the child's entry.
                const NodeInfo mine = info.value(n);
                NodeInfo& up = info[n->parent];
                up.text += mine.text;
                up.linkText += n->v.element.tag == GUMBO_TAG_A ? mine.text : mine.linkText;
            }
        }
    }

private:
    void addText(const GumboNode* textNode) {
        const QString t = QString::fromUtf8(textNode->v.text.text).simplified();
        if (t.isEmpty())
            return;
        const GumboNode* parent = textNode->parent;
        info[parent].text += t.size();
        // The block the text belongs to: the nearest non-inline ancestor.
        const GumboNode* block = parent;
        bool inLink = false;
        while (block && block->type == GUMBO_NODE_ELEMENT && kindOf(block->v.element.tag) == Kind::Inline) {
            inLink = inLink || block->v.element.tag == GUMBO_TAG_A;
            block = block->parent;
        }
        if (inLink || t.size() < 8)
            return; // link labels and menu words are not article text
        qsizetype punct = 0;
        for (const QChar c : t)
            punct += isPunct(c) ? 1 : 0;
        const double score = 1.0 + double(punct) + std::min(3.0, double(t.size()) / 100.0);
        double weight = 1.0;
        for (const GumboNode* c = block; c && c->type == GUMBO_NODE_ELEMENT && weight > 0.2; c = c->parent) {
            const Kind k = kindOf(c->v.element.tag);
            if (k == Kind::Container || k == Kind::Cell) {
                info[c].score += score * weight;
                weight /= 2;
            }
        }
    }
};

// Writes the chosen subtree as lines: blocks and <br> end lines, rows join cells with '\t'.
class Writer {
public:
    explicit Writer(ReadResult& out)
        : m_out(out) {}

    void write(const GumboNode* root) {
        walk(root, 0);
        endLine();
    }

private:
    void walk(const GumboNode* n, int depth) {
        if (depth > kMaxDepth)
            return;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            appendText(QString::fromUtf8(n->v.text.text));
            return;
        }
        if (n->type != GUMBO_NODE_ELEMENT)
            return;
        const Kind k = kindOf(n->v.element.tag);
        if (k == Kind::Skip || (depth > 0 && hintOf(n) < 0 && isChrome(n)))
            return;
        const GumboVector& children = n->v.element.children;
        switch (k) {
        case Kind::Break:
            if (m_cellDepth > 0)
                appendText(QStringLiteral(" "));
            else
                endLine(true); // <br><br> is a blank line
            return;
        case Kind::Row: {
            if (m_rowDepth > 0) {
                // A table nested in a cell: flattened into that cell.
                for (unsigned i = 0; i < children.length; ++i) {
                    walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
                    appendText(QStringLiteral(" "));
                }
                return;
            }
            endLine();
            m_rowDepth = 1;
            QStringList cells;
            for (unsigned i = 0; i < children.length; ++i) {
                const auto* c = static_cast<const GumboNode*>(children.data[i]);
                if (c->type != GUMBO_NODE_ELEMENT || kindOf(c->v.element.tag) != Kind::Cell)
                    continue;
                m_line.clear();
                ++m_cellDepth;
                walk(c, depth + 1);
                --m_cellDepth;
                cells << m_line.simplified();
                m_line.clear();
                const int span = qBound(1, attr(c, "colspan").toInt(), 64);
                for (int s = 1; s < span; ++s)
                    cells << QString();
            }
            m_rowDepth = 0;
            // A row of empty cells still shows its columns (plans written one cell per line use
            // them); a lone empty cell is a spacer.
            bool any = cells.size() > 1;
            for (const QString& c : std::as_const(cells))
                any = any || !c.isEmpty();
            if (any) {
                m_line = cells.join(QLatin1Char('\t'));
                m_keepTabs = true;
                endLine();
            }
            return;
        }
        case Kind::Pre:
            endLine();
            m_pre = true;
            for (unsigned i = 0; i < children.length; ++i)
                walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
            m_pre = false;
            endLine();
            return;
        default:
            break;
        }
        const bool block = k != Kind::Inline && k != Kind::Cell;
        if (block && m_cellDepth == 0)
            endLine();
        else if (block)
            appendText(QStringLiteral(" "));
        const qsizetype before = m_out.text.size();
        for (unsigned i = 0; i < children.length; ++i)
            walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
        // An empty paragraph (<p>&nbsp;</p>) is a blank line, as a browser shows it.
        const bool emptyParagraph =
            n->v.element.tag == GUMBO_TAG_P && m_out.text.size() == before && m_line.trimmed().isEmpty();
        if (block && m_cellDepth == 0)
            endLine(emptyParagraph);
        else if (block)
            appendText(QStringLiteral(" "));
    }

    static bool isChrome(const GumboNode* n) {
        const QString words = (attr(n, "class") + QLatin1Char(' ') + attr(n, "id")).toLower();
        return words.contains(QLatin1String("breadcrumb")) || words.contains(QLatin1String("crumb")) ||
               words.contains(QLatin1String("share")) || words.contains(QLatin1String("nav")) ||
               words.contains(QLatin1String("footer")) || words.contains(QLatin1String("copyright"));
    }

    void appendText(const QString& raw) {
        if (m_pre) {
            for (const QChar c : raw) {
                if (c == QLatin1Char('\n'))
                    endLine();
                else
                    m_line += c;
            }
            return;
        }
        // HTML collapses whitespace to one space; between two CJK characters (a line break in the
        // markup inside a sentence) it is dropped.
        for (const QChar c : raw) {
            const bool space = c.isSpace() && c != QChar(0x3000);
            if (!space) {
                if (m_pendingSpace && !m_line.isEmpty() && !(isCjk(m_line.back()) && isCjk(c)))
                    m_line += QLatin1Char(' ');
                m_pendingSpace = false;
                m_line += c == QChar(0xA0) ? QLatin1Char(' ') : c;
            } else {
                m_pendingSpace = true;
            }
        }
    }

    static bool isCjk(QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x3000 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF);
    }

    // Ends the current line; an empty one is dropped unless `blank` asks for a blank line (kept once
    // text has started, so the page's leading whitespace does not show).
    void endLine(bool blank = false) {
        m_pendingSpace = false;
        if (m_cellDepth > 0)
            return;
        QString line = m_keepTabs ? m_line : m_line.trimmed();
        if (!m_keepTabs) {
            // &nbsp; indentation and trailing blanks are layout.
            while (!line.isEmpty() && (line.front().isSpace()))
                line.remove(0, 1);
        }
        const bool row = m_keepTabs && !line.isEmpty();
        m_keepTabs = false;
        m_line.clear();
        if (!row && line.trimmed().isEmpty()) {
            if (blank && !m_out.text.isEmpty())
                m_out.text += QLatin1Char('\n');
            return;
        }
        OriginRun run;
        run.start = m_out.text.size();
        run.length = line.size();
        run.origin.block = m_block++;
        m_out.origins.append(run);
        m_out.text += line;
        m_out.text += QLatin1Char('\n');
    }

    ReadResult& m_out;
    QString m_line;
    int m_rowDepth = 0;
    int m_cellDepth = 0;
    int m_block = 0;
    bool m_pre = false;
    bool m_pendingSpace = false;
    bool m_keepTabs = false;
};

struct GumboDeleter {
    void operator()(GumboOutput* o) const {
        if (o)
            gumbo_destroy_output(&kGumboDefaultOptions, o);
    }
};

} // namespace

QString declaredHtmlEncoding(const QByteArray& bytes) {
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QStringLiteral("UTF-8");
    if (bytes.startsWith("\xFF\xFE"))
        return QStringLiteral("UTF-16LE");
    if (bytes.startsWith("\xFE\xFF"))
        return QStringLiteral("UTF-16BE");
    // The HTML standard looks at the first 1024 bytes; pages with long inline scripts before the
    // <meta> are common, so look further.
    const QString head = QString::fromLatin1(bytes.left(8192));
    static const QRegularExpression meta(QStringLiteral("<meta\\b[^>]*>"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression charset(QStringLiteral("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (auto it = meta.globalMatch(head); it.hasNext();) {
        const QRegularExpressionMatch m = charset.match(it.next().captured(0));
        if (m.hasMatch())
            return normaliseLabel(m.captured(1));
    }
    return {};
}

Result<ReadResult> readHtml(const QByteArray& bytes, const QString& path, const ReadOptions& options) {
    if (bytes.size() > options.maxMarkupBytes)
        return Error{
            QStringLiteral("%1: the HTML page is %2 MB, more than the %3 MB a web page may have here; "
                           "save the article alone or as text")
                .arg(path)
                .arg(bytes.size() >> 20)
                .arg(options.maxMarkupBytes >> 20),
            QStringLiteral("too-large")};
    ReadResult out;
    out.format = Format::Html;
    QString html;
    QString declared = declaredHtmlEncoding(bytes);
    if (declared == QLatin1String("GB18030") && hasNonAscii(bytes) && isStrictUtf8(bytes)) {
        // Labelled GB2312 but written as UTF-8 (a CMS template copied across sites): the bytes win.
        declared = QStringLiteral("UTF-8");
        out.issues.append({Issue::Severity::Info,
                           QStringLiteral("encoding-mislabelled"),
                           QStringLiteral("the page says GB2312/GBK but is UTF-8; read as UTF-8"),
                           {}});
    }
    if (declared.isEmpty()) {
        Result<text::DecodedText> d = text::decodeBytes(bytes, path);
        if (!d)
            return d.error();
        html = std::move(d.value().text);
        out.encoding = d.value().encoding;
    } else {
        QByteArray body = bytes;
        if (body.startsWith("\xEF\xBB\xBF"))
            body.remove(0, 3);
        QStringDecoder decoder(declared.toLatin1().constData());
        if (!decoder.isValid())
            return Error{
                QStringLiteral("%1: the page declares the encoding \u201c%2\u201d, which PlanCompare "
                               "cannot decode")
                    .arg(path, declared),
                QStringLiteral("undecodable")};
        html = decoder.decode(body);
        out.encoding = declared.toUpper() == QLatin1String("UTF-8") ? QStringLiteral("UTF-8") : declared;
        if (html.startsWith(QChar(0xFEFF)))
            html.remove(0, 1);
    }
    if (options.progress && !options.progress(1, 3))
        return Error{QStringLiteral("%1: reading cancelled").arg(path), QStringLiteral("cancelled")};

    const QByteArray utf8 = html.toUtf8();
    std::unique_ptr<GumboOutput, GumboDeleter> doc(
        gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size())));
    if (!doc || !doc->root)
        return Error{QStringLiteral("%1: the HTML page could not be parsed").arg(path),
                     QStringLiteral("no-article")};
    if (options.progress && !options.progress(2, 3))
        return Error{QStringLiteral("%1: reading cancelled").arg(path), QStringLiteral("cancelled")};

    Scorer scorer;
    scorer.run(doc->root);
    const GumboNode* best = nullptr;
    double bestScore = 0;
    for (auto it = scorer.info.cbegin(); it != scorer.info.cend(); ++it) {
        const GumboNode* n = it.key();
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        const Kind k = kindOf(n->v.element.tag);
        if (k != Kind::Container && k != Kind::Cell)
            continue;
        const NodeInfo& i = it.value();
        if (i.score <= 0)
            continue;
        const double linkDensity = i.text > 0 ? double(i.linkText) / double(i.text) : 1.0;
        const int hint = hintOf(n);
        double s = i.score * (1.0 - linkDensity);
        if (hint > 0)
            s *= 1.5;
        else if (hint < 0)
            s *= 0.3;
        if (s > bestScore) {
            best = n;
            bestScore = s;
        }
    }
    // An article has sentences: a few punctuated lines at least.
    if (!best || bestScore < 3.0)
        return Error{QStringLiteral("%1: no article found in the HTML page (only navigation, links or "
                                    "short labels); save the page that shows the plan's text")
                         .arg(path),
                     QStringLiteral("no-article")};
    Writer(out).write(best);
    if (out.text.trimmed().isEmpty())
        return Error{QStringLiteral("%1: no article text found in the HTML page").arg(path),
                     QStringLiteral("no-article")};
    if (options.progress)
        options.progress(3, 3);
    return out;
}

} // namespace pc::read
