// Metadata recognition from the first part of a plan (the notice that issues it).
#include "metadata.h"

#include "gazetteer/gazetteer.h"
#include "text/utf16.h"

#include <QRegularExpression>

namespace pc::parse {
namespace {

// The notice sits in the first lines; the municipal extraction glues it into one long line.
QString headOf(const QString& text) {
    return text.left(4000);
}

QString jurisdictionOf(const QString& issuer) {
    static const QRegularExpression district(QStringLiteral("^(?:重庆市)?(\\p{Han}{1,8}?[区县])人民政府"));
    static const QRegularExpression city(QStringLiteral("^(\\p{Han}{2,6}?市)人民政府"));
    QRegularExpressionMatch m = district.match(issuer);
    if (m.hasMatch())
        return m.captured(1);
    m = city.match(issuer);
    if (m.hasMatch())
        return m.captured(1);
    return {};
}

// A plan on one topic of the business environment is a 专项方案; one on the business environment as
// a whole (优化营商环境, 放管服, 创新试点 …) is a 综合方案. The title decides.
QString planKindOf(const QString& title) {
    if (title.isEmpty())
        return {};
    static const QRegularExpression topic(QStringLiteral(
        "专项|用水|用气|用电|获得电力|供水|供气|开办企业|企业开办|建筑许可|工程建设项目|不动产登记|纳税|"
        "跨境贸易|办理破产|执行合同|获得信贷|中小投资者|招标投标|政府采购|知识产权|信用体系|政务服务"));
    return topic.match(title).hasMatch() ? QStringLiteral("special") : QStringLiteral("comprehensive");
}

// 根据《重庆市人民政府办公厅关于印发…的通知》（渝府办发〔2019〕81号）, also 贯彻落实/按照/依据/为落实:
// the first such citation with a 文号 in the plan's opening is the plan it implements. A citation
// without a 文号 (贯彻落实《优化营商环境条例》) names a law, not a plan, and is passed over.
void readImplements(const QString& text, DocumentMeta& meta) {
    static const QRegularExpression cite(QStringLiteral(
        "(?:根据|依据|按照|贯彻落实|落实)\\s*《([^《》\\n]{4,120})》\\s*[（(]\\s*"
        "(\\p{Han}{1,12}\\s*[〔\\[［(（]\\s*\\d{4}\\s*[〕\\]］)）]\\s*\\d{1,4}\\s*号)\\s*[）)]"));
    const QString opening = text.left(6000);
    const QRegularExpressionMatch m =
        cite.match(opening, 0, QRegularExpression::NormalMatch, text::subjectOptions(opening));
    if (!m.hasMatch())
        return;
    meta.implementsTitle = m.captured(1).trimmed();
    meta.implementsDocNumber = m.captured(2);
    meta.implementsDocNumber.remove(QLatin1Char(' '));
}

} // namespace

DocumentMeta readMetadata(const QString& text, const ManifestEntry* manifest) {
    DocumentMeta meta;
    const QString head = headOf(text);
    QString flat = head;
    flat.remove(QLatin1Char('\n'));
    flat.remove(QLatin1Char('\r'));
    // PCRE2 checks a subject's UTF-16 on every match (4,000 characters here, seven patterns): checked
    // once; `flat` is `head` without line breaks, as well-formed as it.
    const QRegularExpression::MatchOptions checked = text::subjectOptions(head);
    auto matchIn = [&](const QRegularExpression& re, const QString& subject) {
        return re.match(subject, 0, QRegularExpression::NormalMatch, checked);
    };

    static const QRegularExpression docNo(QStringLiteral("(\\p{Han}{1,10}〔\\d{4}〕\\d{1,4}号)"));
    // Per line first (the number usually stands alone); in glued text cut what precedes it (…的通知).
    QRegularExpressionMatch m = matchIn(docNo, head);
    if (m.hasMatch()) {
        meta.docNumber = m.captured(1);
        const qsizetype cut = meta.docNumber.lastIndexOf(QStringLiteral("通知"));
        if (cut >= 0)
            meta.docNumber = meta.docNumber.mid(cut + 2);
    }

    // Issuer: a line that is only an organisation name ending in 人民政府(办公厅|办公室), or the part
    // before 关于印发 in a glued title line.
    static const QRegularExpression issuerLine(
        QStringLiteral("^\\s*(\\p{Han}{2,20}?人民政府(?:办公厅|办公室)?)\\s*$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression issuerBefore(
        QStringLiteral("(\\p{Han}{2,20}?人民政府(?:办公厅|办公室)?)\\s*关于印发"));
    m = matchIn(issuerLine, head);
    if (m.hasMatch()) {
        meta.issuer = m.captured(1);
    } else {
        m = matchIn(issuerBefore, flat);
        if (m.hasMatch())
            meta.issuer = m.captured(1);
    }

    static const QRegularExpression title(QStringLiteral("关于印发《?(.{4,80}?)》?的通知"));
    m = matchIn(title, flat);
    if (m.hasMatch())
        meta.title = m.captured(1).trimmed();
    meta.title.remove(QLatin1Char(' '));

    // Issue date: a date alone on a line (the signature), else "发布日期:YYYY-MM-DD", else the first date.
    static const QRegularExpression dateLine(
        QStringLiteral("^\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression published(
        QStringLiteral("(?:发布日期|成文日期|印发日期)\\s*[:：]\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})"));
    static const QRegularExpression anyDate(QStringLiteral("(\\d{4})年(\\d{1,2})月(\\d{1,2})日"));
    m = matchIn(dateLine, head);
    if (!m.hasMatch())
        m = matchIn(published, flat);
    if (!m.hasMatch())
        m = matchIn(anyDate, flat);
    if (m.hasMatch())
        meta.issuedOn = QStringLiteral("%1-%2-%3")
                            .arg(m.capturedView(1).toInt(), 4, 10, QLatin1Char('0'))
                            .arg(m.capturedView(2).toInt(), 2, 10, QLatin1Char('0'))
                            .arg(m.capturedView(3).toInt(), 2, 10, QLatin1Char('0'));

    meta.jurisdiction = jurisdictionOf(meta.issuer);
    if (meta.jurisdiction.isEmpty() && !meta.title.isEmpty()) {
        static const QRegularExpression inTitle(QStringLiteral("^(?:重庆市)?(\\p{Han}{1,6}?[区县])"));
        m = inTitle.match(meta.title);
        if (m.hasMatch())
            meta.jurisdiction = m.captured(1);
    }
    if (!meta.jurisdiction.isEmpty())
        meta.level = (meta.jurisdiction.endsWith(QChar(u'区')) || meta.jurisdiction.endsWith(QChar(u'县')))
                         ? QStringLiteral("district")
                         : QStringLiteral("municipal");

    static const QRegularExpression yearInNo(QStringLiteral("〔(\\d{4})〕"));
    m = yearInNo.match(meta.docNumber);
    if (m.hasMatch())
        meta.year = m.capturedView(1).toInt();
    else if (!meta.issuedOn.isEmpty())
        meta.year = meta.issuedOn.left(4).toInt();

    if (manifest) {
        auto fill = [&](QString& field, const QString& value, const char* name) {
            if (field.isEmpty() && !value.isEmpty()) {
                field = value;
                meta.fromManifest.append(QString::fromLatin1(name));
            }
        };
        fill(meta.docNumber, manifest->docNumber, "docNumber");
        fill(meta.issuer, manifest->issuer, "issuer");
        fill(meta.issuedOn, manifest->issuedOn, "issuedOn");
        fill(meta.title, manifest->title, "title");
        fill(meta.jurisdiction, manifest->jurisdiction, "jurisdiction");
        fill(meta.level, manifest->level, "level");
        if (meta.year == 0 && manifest->year != 0) {
            meta.year = manifest->year;
            meta.fromManifest.append(QStringLiteral("year"));
        }
    }
    // The gazetteer names the jurisdiction canonically (石柱县 → 石柱土家族自治县) with its code.
    if (const gazetteer::Jurisdiction* j =
            gazetteer::guessFromPlan(meta.issuer, meta.title, meta.jurisdiction)) {
        meta.jurisdiction = j->name;
        meta.jurisdictionCode = j->code;
        meta.level = j->level();
    }
    meta.planKind = planKindOf(meta.title);
    readImplements(text, meta);
    return meta;
}

} // namespace pc::parse
