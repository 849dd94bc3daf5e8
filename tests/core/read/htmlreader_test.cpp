// The HTML reader: declared encodings, the article chosen over the site's chrome, tables, limits.
#include "docxfixtures.h"

#include "read/htmlreader.h"
#include "read/reader.h"

#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::read;

TEST(HtmlReader, ReadsTheDeclaredEncoding) {
    EXPECT_EQ(declaredHtmlEncoding("<html><head><meta charset=gb2312>"), QStringLiteral("GB18030"));
    EXPECT_EQ(declaredHtmlEncoding("<meta charset=\"GBK\" />"), QStringLiteral("GB18030"));
    EXPECT_EQ(
        declaredHtmlEncoding("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">"),
        QStringLiteral("GB18030"));
    EXPECT_EQ(declaredHtmlEncoding("<meta http-equiv=content-type content='text/html;charset=gb18030'>"),
              QStringLiteral("GB18030"));
    EXPECT_EQ(declaredHtmlEncoding("<meta charset='utf-8'>"), QStringLiteral("UTF-8"));
    EXPECT_EQ(declaredHtmlEncoding("\xEF\xBB\xBF<html><meta charset=gb2312>"), QStringLiteral("UTF-8"));
    EXPECT_EQ(declaredHtmlEncoding("<html><body>charset=gbk</body>"), QString());
}

TEST(HtmlReader, Gb2312LabelledPagesDecodeAsGb18030) {
    // 䶮 and 𠀀 are outside GB2312 and GBK: only GB18030 has them.
    const QString text =
        QStringLiteral("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                       "charset=gb2312\"></head><body><div class=\"content\"><p>一、总体要求。"
                       "用水报装不超过8个工作日，用电报装不超过5个工作日，䶮𠀀。</p></div></body></html>");
    QStringEncoder gb("GB18030");
    const Result<ReadResult> r = readBytes(gb.encode(text), QStringLiteral("p.html"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->encoding, QStringLiteral("GB18030"));
    EXPECT_EQ(r->text,
              QStringLiteral("一、总体要求。用水报装不超过8个工作日，用电报装不超过5个工作日，䶮𠀀。\n"));
    // The same page written in UTF-8 under the GB2312 label: the bytes win, with a note.
    const Result<ReadResult> u = readBytes(text.toUtf8(), QStringLiteral("u.html"));
    ASSERT_TRUE(u.ok()) << u.errorMessage().toStdString();
    EXPECT_EQ(u->encoding, QStringLiteral("UTF-8"));
    EXPECT_EQ(u->text, r->text);
    ASSERT_EQ(u->issues.size(), 1);
    EXPECT_EQ(u->issues.first().code, QStringLiteral("encoding-mislabelled"));
    // Undeclared GB18030 is detected.
    const QString bare = QString(text).replace(QStringLiteral("charset=gb2312"), QStringLiteral("x=y"));
    const Result<ReadResult> b = readBytes(gb.encode(bare), QStringLiteral("b.html"));
    ASSERT_TRUE(b.ok()) << b.errorMessage().toStdString();
    EXPECT_EQ(b->encoding, QStringLiteral("GB18030"));
    EXPECT_EQ(b->text, r->text);
}

TEST(HtmlReader, ChoosesTheArticleOverNavigationAndFooters) {
    const QString plan =
        QStringLiteral("关于印发优化营商环境实施方案的通知\n"
                       "一、总体要求\n"
                       "（一）用水报装全流程办理时限不超过8个工作日。\n"
                       "（二）用电报装不超过5个工作日，低压小微企业用电报装“零上门、零审批、零投资”。\n"
                       "\t牵头单位\t配合单位\n");
    const Result<ReadResult> r = readBytes(fixtures::textToHtml(plan, true), QStringLiteral("gov.html"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->format, Format::Html);
    EXPECT_EQ(r->encoding, QStringLiteral("GB18030"));
    EXPECT_EQ(r->text, plan + QLatin1Char('\n')); // the fixture's last, empty <p> is a blank line
    for (const char* chrome : {"政务公开", "当前位置", "备案号", "不是正文", "相关文件", "统计", "门户网站"})
        EXPECT_FALSE(r->text.contains(QString::fromUtf8(chrome))) << chrome;
    ASSERT_EQ(r->origins.size(), 5);
    EXPECT_EQ(r->originAt(r->text.indexOf(QStringLiteral("用电报装"))).block, 3);
}

TEST(HtmlReader, TablesBreaksAndEntities) {
    const QByteArray html =
        QStringLiteral(
            "<html><body><div "
            "id=\"zoom\"><p>第一条&nbsp;&nbsp;办理时限&lt;=8个工作日&amp;当场办结，&#x4E00;次办好。</p>"
            "<p>第二行<br>第三行，并且\n   换行的句子。</p>"
            "<table><thead><tr><th>指标</th><th>目标</th></tr></thead><tbody>"
            "<tr><td><p>用水</p><p>报装</p></td><td>8个工作日</td></tr>"
            "<tr><td colspan=\"2\">合计</td><td>三项</td></tr></tbody></table>"
            "<pre>保留   空格\n第二行</pre></div></body></html>")
            .toUtf8();
    const Result<ReadResult> r = readBytes(html, QStringLiteral("t.htm"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_EQ(r->encoding, QStringLiteral("UTF-8"));
    EXPECT_EQ(r->text, QStringLiteral("第一条办理时限<=8个工作日&当场办结，一次办好。\n"
                                      "第二行\n"
                                      "第三行，并且换行的句子。\n"
                                      "指标\t目标\n"
                                      "用水报装\t8个工作日\n"
                                      "合计\t\t三项\n"
                                      "保留   空格\n"
                                      "第二行\n"));
}

TEST(HtmlReader, APageWithoutAnArticleIsRefused) {
    const QByteArray html =
        QStringLiteral(
            "<!DOCTYPE html><html><head><title>首页</title></head><body><ul class=\"nav\">"
            "<li><a href=\"/\">首页</a></li><li><a href=\"/a\">政务公开</a></li>"
            "<li><a href=\"/b\">关于做好政务服务工作的通知，请各单位认真执行。</a></li></ul>"
            "<div class=\"footer\">版权所有</div><script>var a='一、二、三，四。五，六。';</script>"
            "</body></html>")
            .toUtf8();
    const Result<ReadResult> r = readBytes(html, QStringLiteral("/tmp/index.html"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("no-article"));
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("/tmp/index.html: no article")));
}

TEST(HtmlReader, HugePagesAreRefusedBeforeParsing) {
    QByteArray page = "<!DOCTYPE html><html><body><div class=\"content\"><p>";
    page += QByteArray(200LL << 20, 'a');
    page += "</p></div></body></html>";
    const Result<ReadResult> r = readBytes(page, QStringLiteral("huge.html"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("too-large"));
    EXPECT_TRUE(r.errorMessage().startsWith(QStringLiteral("huge.html: the HTML page is 200 MB")));
}

TEST(HtmlReader, DeeplyNestedMarkupDoesNotExhaustTheStack) {
    QByteArray page = "<html><body>";
    for (int i = 0; i < 5000; ++i)
        page += "<div>";
    page += "<p>深层文字，不会读到。</p>";
    page += "</body></html>";
    page += "";
    // A real article beside the nesting still wins.
    page.replace(
        "<html><body>",
        "<html><body><div class=\"content\"><p>一、用水报装不超过8个工作日，用电报装不超过5个工作日。</p>"
        "<p>二、开办企业压缩至1个工作日，实现全程网办。</p></div>");
    const Result<ReadResult> r = readBytes(page, QStringLiteral("deep.html"));
    ASSERT_TRUE(r.ok()) << r.errorMessage().toStdString();
    EXPECT_TRUE(r->text.startsWith(QStringLiteral("一、用水报装不超过8个工作日")));
}
