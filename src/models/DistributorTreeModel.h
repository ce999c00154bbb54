#pragma once

#include "CommissionRepositories.h"

#include <QAbstractItemModel>

#include <functional>
#include <memory>
#include <vector>

namespace MicroShop {

// The distributor forest for a tree view: roots first, each node's recruits read only when it is
// expanded (so 100,000 distributors cost what is on screen), team sizes from the closure table,
// and drag and drop of a distributor onto its new upline, handed to `moveHandler`.
class DistributorTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { CodeAndName, Status, TeamSize, Phone, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static inline const QString mimeType = QStringLiteral("application/x-microshop-distributor");

    explicit DistributorTreeModel(const DistributorRepository &repository,
                                  QObject *parent = nullptr);
    ~DistributorTreeModel() override;

    // Called on a drop: move distributor `id` under `uplineId` (0: make it a root); true if
    // done. The handler reloads the model afterwards (not during the drop).
    void setMoveHandler(std::function<bool(qint64 id, qint64 uplineId)> handler);

    qint64 idOf(const QModelIndex &index) const;
    // Loads the uplines of `id` as needed and returns its index (invalid if there is none).
    QModelIndex reveal(qint64 id);
    void reload(); // everything again, e.g. after a move

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    void retranslate();

private:
    struct Node
    {
        DistributorNode value;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        bool fetched = false;
        int row = 0;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;
    void load(Node *node); // its children, without telling views (before a reset)

    const DistributorRepository &m_repository;
    std::unique_ptr<Node> m_root;
    std::function<bool(qint64, qint64)> m_moveHandler;
};

} // namespace MicroShop
