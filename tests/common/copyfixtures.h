// Work a researcher leaves in a database (corrections, a rejected target, a note, a plan correction,
// a plan set), and the answers two databases must give alike, for the tests of `db copy`.
#pragma once

#include "digests.h"

#include "store/database.h"
#include "store/databasecopy.h"

#include <QStringList>

#include <gtest/gtest.h>

namespace pc::test {

// Corrects the first target's value, rejects the second (both leave history), notes the first,
// corrects the first plan's year and saves a set of the first two plans.
inline void addUserWork(Database& db) {
    const Result<QList<ComparisonRow>> targets = db.targets();
    ASSERT_TRUE(targets.ok()) << targets.errorMessage().toStdString();
    ASSERT_GE(targets->size(), 2);
    const qint64 t1 = targets->at(0).targetId;
    const qint64 t2 = targets->at(1).targetId;
    ASSERT_TRUE(db.correctTarget(t1, OverrideKind::TargetValue, QStringLiteral("4")).ok());
    ASSERT_TRUE(db.rejectTarget(t2).ok());
    ASSERT_TRUE(db.addNote(NoteSubject::Target, t1, QStringLiteral("核对：原文为四个工作日")).ok());
    const Result<QList<DocumentRecord>> docs = db.documents();
    ASSERT_TRUE(docs.ok() && docs->size() >= 2);
    ASSERT_TRUE(db.correctPlan(docs->at(0).docId, QStringLiteral("year"), QStringLiteral("2021")).ok());
    ASSERT_TRUE(db.savePlanSet(QStringLiteral("两区"), {docs->at(1).docId, docs->at(0).docId}).ok());
}

// Everything a researcher reads must be the same on `a` and `b`: plans, targets with corrections,
// notes, corrections, history, plan corrections and sets, and search hits for `queries`.
inline void expectSameAnswers(Database& a, Database& b, const QStringList& queries) {
    EXPECT_EQ(*a.counts(), *b.counts());
    EXPECT_EQ(*a.documents(), *b.documents());
    EXPECT_EQ(*a.targets(), *b.targets());
    EXPECT_EQ(*a.overrides(), *b.overrides());
    EXPECT_EQ(*a.notes(), *b.notes());
    EXPECT_EQ(*a.planCorrections(), *b.planCorrections());
    EXPECT_EQ(*a.planSetNames(), *b.planSetNames());
    EXPECT_EQ(*a.planSetMembers(QStringLiteral("两区")), *b.planSetMembers(QStringLiteral("两区")));
    const QList<ComparisonRow> rows = a.targets().value();
    int corrected = 0;
    for (const ComparisonRow& r : rows) {
        if (r.corrected) {
            ++corrected;
            EXPECT_EQ(a.targetHistory(r.targetId).value(), b.targetHistory(r.targetId).value()) << r.targetId;
        }
    }
    EXPECT_GE(corrected, 1);
    for (const QString& q : queries) {
        const Result<QList<SearchHit>> ha = a.search(q);
        const Result<QList<SearchHit>> hb = b.search(q);
        ASSERT_TRUE(ha.ok() && hb.ok()) << q.toStdString();
        EXPECT_FALSE(ha->isEmpty()) << q.toStdString();
        ASSERT_EQ(ha->size(), hb->size()) << q.toStdString();
        for (qsizetype i = 0; i < ha->size(); ++i) {
            EXPECT_EQ(ha->at(i).measureId, hb->at(i).measureId) << q.toStdString();
            EXPECT_EQ(ha->at(i).snippet, hb->at(i).snippet) << q.toStdString();
            EXPECT_NEAR(ha->at(i).score, hb->at(i).score, 1e-6) << q.toStdString();
        }
    }
}

} // namespace pc::test
