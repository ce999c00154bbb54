#include "DistributorTreeModel.h"

#include <QBrush>
#include <QColor>
#include <QDataStream>
#include <QMimeData>

namespace MicroShop {

DistributorTreeModel::DistributorTreeModel(const DistributorRepository &repository, QObject *parent)
    : QAbstractItemModel(parent)
    , m_repository(repository)
    , m_root(std::make_unique<Node>())
{
    load(m_root.get());
}

DistributorTreeModel::~DistributorTreeModel() = default;

void DistributorTreeModel::setMoveHandler(std::function<bool(qint64, qint64)> handler)
{
    m_moveHandler = std::move(handler);
}

void DistributorTreeModel::load(Node *node)
{
    node->children.clear();
    int row = 0;
    for (const DistributorNode &value :
         m_repository.children(node == m_root.get() ? 0 : node->value.distributor.id)) {
        auto child = std::make_unique<Node>();
        child->value = value;
        child->parent = node;
        child->row = row++;
        node->children.push_back(std::move(child));
    }
    node->fetched = true;
}

void DistributorTreeModel::reload()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    load(m_root.get());
    endResetModel();
}

DistributorTreeModel::Node *DistributorTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex DistributorTreeModel::indexOf(Node *node) const
{
    return node == m_root.get() ? QModelIndex() : createIndex(node->row, 0, node);
}

qint64 DistributorTreeModel::idOf(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->value.distributor.id : 0;
}

QModelIndex DistributorTreeModel::reveal(qint64 id)
{
    // The chain from the distributor up to its root, then down again loading each level.
    QList<qint64> path;
    for (const Distributor &each : m_repository.chain(id, 1000))
        path.prepend(each.id);
    Node *node = m_root.get();
    for (const qint64 step : std::as_const(path)) {
        if (!node->fetched)
            fetchMore(indexOf(node));
        Node *next = nullptr;
        for (const auto &child : node->children) {
            if (child->value.distributor.id == step)
                next = child.get();
        }
        if (!next)
            return {};
        node = next;
    }
    return node == m_root.get() ? QModelIndex() : indexOf(node);
}

QModelIndex DistributorTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeOf(parent);
    if (!node->fetched || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex DistributorTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int DistributorTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node->fetched ? int(node->children.size()) : 0;
}

int DistributorTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool DistributorTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return node == m_root.get() ? !node->children.empty() : node->value.directCount > 0;
}

bool DistributorTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return !node->fetched && node->value.directCount > 0;
}

void DistributorTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *node = nodeOf(parent);
    if (node->fetched)
        return;
    const QList<DistributorNode> children = m_repository.children(node->value.distributor.id);
    if (children.isEmpty()) {
        node->fetched = true;
        return;
    }
    beginInsertRows(parent, 0, int(children.size()) - 1);
    int row = 0;
    for (const DistributorNode &value : children) {
        auto child = std::make_unique<Node>();
        child->value = value;
        child->parent = node;
        child->row = row++;
        node->children.push_back(std::move(child));
    }
    node->fetched = true;
    endInsertRows();
}

QVariant DistributorTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DistributorNode &value = nodeOf(index)->value;
    const Distributor &distributor = value.distributor;
    if (role == IdRole)
        return qlonglong(distributor.id);
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case CodeAndName:
            return QStringLiteral("%1 · %2").arg(distributor.code, distributor.name);
        case Status:
            return DistributorStatuses::displayName(distributor.status);
        case TeamSize:
            return QString::number(value.teamSize);
        case Phone:
            return distributor.phone;
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ForegroundRole && distributor.status != DistributorStatus::Active)
        return QBrush(QColor(0x90, 0x90, 0x90));
    if (role == Qt::TextAlignmentRole && index.column() == TeamSize)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DistributorTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CodeAndName:
        return tr("Distributor");
    case Status:
        return tr("Status");
    case TeamSize:
        return tr("Team");
    case Phone:
        return tr("Phone");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags DistributorTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // dropped on nothing: becomes a root
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

Qt::DropActions DistributorTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList DistributorTreeModel::mimeTypes() const
{
    return {mimeType};
}

QMimeData *DistributorTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(mimeType, QByteArray::number(idOf(indexes.constFirst())));
    return data;
}

bool DistributorTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                           const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || !data || !data->hasFormat(mimeType))
        return false;
    const qint64 id = data->data(mimeType).toLongLong();
    // Not onto itself; the service refuses deeper cycles with a message.
    return id != 0 && id != idOf(parent);
}

bool DistributorTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                        int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent) || !m_moveHandler)
        return false;
    // The handler moves it and has the tree read again once the drop is over; false either
    // way, so that the view never removes the dragged row itself.
    m_moveHandler(data->data(mimeType).toLongLong(), idOf(parent));
    return false;
}

void DistributorTreeModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace MicroShop
