#pragma once

#include "Distributor.h"
#include "Money.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

namespace MicroShop {

// The storage behind the distributor tree and the commission ledger; src/db implements them.

// One distributor as the tree shows it: its own fields, its team size and how many it recruited.
struct DistributorNode
{
    Distributor distributor;
    qint64 teamSize = 0;
    int directCount = 0;
};

// A distributor's numbers for its panel: sales for a period, commissions by state as of a day.
struct DistributorFigures
{
    Money directSales;
    Money teamSales;
    Money earned;
    Money reversed;
    Money settled;
    Money pending;
    Money available;
};

// One line of a distributor's statement: a ledger entry and its state as of the statement's day.
struct StatementEntry
{
    QDate date; // the entry's
    QString orderNo;
    int level = 1;
    Money amount; // negative for a reversal
    enum class State { Pending, Available, Settled } state = State::Pending;
};

class DistributorRepository
{
public:
    virtual ~DistributorRepository() = default;
    virtual std::optional<Distributor> findById(qint64 id) const = 0;
    virtual std::optional<Distributor> findByCode(const QString &code) const = 0;
    // Inserts the distributor under its upline, with its closure rows and depth.
    virtual qint64 insert(const Distributor &distributor) = 0;
    // Every field but the upline; false (nothing written) when a version newer than
    // distributor.version is stored.
    virtual bool update(const Distributor &distributor) = 0;
    virtual bool isInTeamOf(qint64 ancestorId, qint64 candidateId) const = 0; // or is it
    // Puts the distributor and its whole team under newUplineId (0: a root), keeping the
    // closure rows and depths right.
    virtual void move(qint64 id, qint64 newUplineId) = 0;
    // The distributor, its upline, that one's upline...: at most `count` of them.
    virtual QList<Distributor> chain(qint64 id, int count) const = 0;
    virtual qint64 teamSize(qint64 id) const = 0;
    // The distributors directly under parentId (0: the roots), by code.
    virtual QList<DistributorNode> children(qint64 parentId) const = 0;
    // Distributors whose code, name, phone or WeChat ID contains text, by code.
    virtual QList<Distributor> search(const QString &text, int limit) const = 0;
    // Every distributor with exactly this phone, or this name (a platform's file names them).
    virtual QList<Distributor> withPhone(const QString &phone) const = 0;
    virtual QList<Distributor> withName(const QString &name) const = 0;
    // Sales between from and to (inclusive; invalid: no bound) and commissions as of asOf.
    virtual DistributorFigures figures(qint64 id, QDate from, QDate to, QDate asOf) const = 0;
    // The distributor's ledger entries made from..to (inclusive), oldest first, each in its
    // state as of asOf (the states' one definition, as figures() counts them).
    virtual QList<StatementEntry> statementEntries(qint64 id, QDate from, QDate to,
                                                   QDate asOf) const = 0;
};

// One commission or reversal of the append-only ledger.
struct CommissionEntry
{
    qint64 orderId = 0;
    qint64 distributorId = 0;
    int level = 1;
    Money amount; // > 0 earned, < 0 reversed
    QDateTime createdAt;
    std::optional<QDate> availableOn;
};

// Who earned on one order line at one level, and at which rate (basis points).
struct CommissionBasis
{
    qint64 lineId = 0;
    int level = 1;
    qint64 distributorId = 0;
    int rate = 0;
};

struct CommissionBalance
{
    qint64 distributorId = 0;
    int level = 1;
    Money amount;
};

// What a settlement would pay one distributor.
struct PayoutPreview
{
    qint64 distributorId = 0;
    QString code;
    QString name;
    Money amount;
    int entries = 0;
};

struct Payout
{
    qint64 id = 0;
    qint64 distributorId = 0;
    QString code;
    QDate periodEnd;
    Money amount;
    int entries = 0;
};

class CommissionRepository
{
public:
    virtual ~CommissionRepository() = default;
    virtual void addBasis(const CommissionBasis &basis) = 0;
    virtual QList<CommissionBasis> basisOfOrder(qint64 orderId) const = 0;
    virtual void addEntry(const CommissionEntry &entry) = 0;
    virtual QList<CommissionBalance> balances(qint64 orderId) const = 0; // per beneficiary
    virtual std::optional<QDate> availableOn(qint64 orderId) const = 0;
    virtual void setAvailableOn(qint64 orderId, QDate date) = 0;
    // Per distributor (or one): the sum of unsettled entries available on or before `until`,
    // positive sums only.
    virtual QList<PayoutPreview> settlementPreview(QDate until, qint64 distributorId) const = 0;
    // Creates the payout and marks exactly the entries the preview summed as settled.
    virtual Payout settle(const PayoutPreview &preview, QDate until, const QDateTime &at) = 0;
};

} // namespace MicroShop
