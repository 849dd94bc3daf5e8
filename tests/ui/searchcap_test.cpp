// The measures view's search on a seed database says when the store ranked only the newest matches
// (the candidate cap, SearchOptions::candidateLimit), in Chinese and in English, and says nothing
// when every match was ranked.
#include "app/workbench.h"
#include "guiapp.h"
#include "seeddb.h"
#include "views/measuresview.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

#include <gtest/gtest.h>

using namespace pc;
using namespace pc::ui;
using test::SeedDb;

namespace {

// Types the query and presses Enter, as a user would.
void searchFor(MeasuresView& view, const QString& query) {
    view.searchBox()->setText(query);
    Q_EMIT view.searchBox()->returnPressed();
}

// How many measures of the seeds match, every match ranked.
int allMatches(WorkbenchData& data, const QString& query) {
    data.setSearchCandidateLimit(0);
    const Result<SearchResults> all = data.search(query);
    EXPECT_TRUE(all.ok());
    EXPECT_EQ(all->rankedAmong, 0);
    return all ? int(all->hits.size()) : -1;
}

// Lets posted events (the language change) reach the widgets.
void settle() {
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

} // namespace

TEST_F(SeedDb, SearchRankingFewerThanTheMatchesSaysSo) {
    auto data = open();
    const QString query = QStringLiteral("电");
    const int matches = allMatches(*data, query);
    ASSERT_GT(matches, 5);

    // One fewer candidate than matches: capped, and the result says how many were ranked.
    data->setSearchCandidateLimit(matches - 1);
    const Result<SearchResults> capped = data->search(query);
    ASSERT_TRUE(capped.ok());
    EXPECT_EQ(capped->rankedAmong, matches - 1);
    EXPECT_EQ(capped->hits.size(), matches - 1);
    // Exactly as many candidates as matches: nothing left out, nothing said.
    data->setSearchCandidateLimit(matches);
    const Result<SearchResults> exact = data->search(query);
    ASSERT_TRUE(exact.ok());
    EXPECT_EQ(exact->rankedAmong, 0);
    EXPECT_EQ(exact->hits.size(), matches);

    data->setSearchCandidateLimit(3);
    Workbench wb(*data);
    MeasuresView view(wb);
    view.resize(1100, 700);
    EXPECT_FALSE(view.capNote()->isVisibleTo(&view));
    searchFor(view, query);
    EXPECT_TRUE(view.capNote()->isVisibleTo(&view));
    EXPECT_EQ(view.capNote()->text(),
              QStringLiteral("匹配过多，仅对最近导入的 3 条措施排序；请加词缩小范围。"));
    EXPECT_EQ(view.table()->model()->rowCount(), 3);

    // In English, at once in the open view.
    ASSERT_TRUE(installTranslation(QStringLiteral("en")));
    settle();
    EXPECT_EQ(view.capNote()->text(), QStringLiteral("Too many matches: ranked the 3 most recently imported "
                                                     "measures only; add words to narrow the search."));
    installTranslation(QStringLiteral("zh"));
    settle();
    EXPECT_EQ(view.capNote()->text(),
              QStringLiteral("匹配过多，仅对最近导入的 3 条措施排序；请加词缩小范围。"));

    // Clearing the search hides the note; a search every match of which is ranked shows none.
    searchFor(view, QString());
    EXPECT_FALSE(view.capNote()->isVisibleTo(&view));
    EXPECT_TRUE(view.capNote()->text().isEmpty());
    data->setSearchCandidateLimit(matches);
    searchFor(view, query);
    EXPECT_FALSE(view.capNote()->isVisibleTo(&view));
    EXPECT_EQ(view.table()->model()->rowCount(), matches);

    // The store's default cap (5,000) is far above the seeds' matches.
    data->setSearchCandidateLimit(-1);
    searchFor(view, QStringLiteral("用水"));
    EXPECT_FALSE(view.capNote()->isVisibleTo(&view));
    EXPECT_GT(view.table()->model()->rowCount(), 0);

    if (const QByteArray shot = qgetenv("PLANCOMPARE_TEST_SCREENSHOT"); !shot.isEmpty()) {
        data->setSearchCandidateLimit(3);
        searchFor(view, query);
        view.grab().save(QString::fromLocal8Bit(shot));
    }
}
