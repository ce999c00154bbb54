#pragma once

#include <QStyledItemDelegate>

namespace MicroShop {

// Edits the province, city and district cells of an address table with editable combo boxes
// that cascade: a city cell lists the cities of its row's province, a district cell the districts
// of its row's city (Regions), each with completion on any part of the name. A short name typed
// (广东) is stored as the official one (广东省); changing the province clears a city that is not
// its own, and changing the city a district that is not its own. Free text stays possible.
class RegionDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    RegionDelegate(int provinceColumn, int cityColumn, int districtColumn,
                   QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    QStringList choices(const QModelIndex &index) const; // what the cell's combo lists

protected:
    bool eventFilter(QObject *editor, QEvent *event) override;

private:
    QString text(const QModelIndex &index, int column) const;

    int m_province;
    int m_city;
    int m_district;
};

} // namespace MicroShop
