#include "RegionDelegate.h"

#include "Regions.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QLineEdit>

namespace MicroShop {

namespace {

constexpr const char *finishedProperty = "microshopEditFinished";

} // namespace

RegionDelegate::RegionDelegate(int provinceColumn, int cityColumn, int districtColumn,
                               QObject *parent)
    : QStyledItemDelegate(parent)
    , m_province(provinceColumn)
    , m_city(cityColumn)
    , m_district(districtColumn)
{}

QString RegionDelegate::text(const QModelIndex &index, int column) const
{
    return index.siblingAtColumn(column).data().toString().trimmed();
}

QStringList RegionDelegate::choices(const QModelIndex &index) const
{
    const Regions &regions = Regions::instance();
    if (index.column() == m_province)
        return regions.provinceNames();
    if (index.column() == m_city)
        return regions.cityNames(text(index, m_province));
    if (index.column() == m_district)
        return regions.districtNames(text(index, m_province), text(index, m_city));
    return {};
}

QWidget *RegionDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    if (index.column() != m_province && index.column() != m_city && index.column() != m_district)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("regionCombo"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(choices(index));
    combo->setMaxVisibleItems(15);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    // Enter, also while the completions are shown (their popup takes the key away from the table),
    // and a completion picked with the mouse end the edit, as Enter does in a plain cell.
    auto *self = const_cast<RegionDelegate *>(this);
    const auto finish = [self, combo] {
        if (combo->property(finishedProperty).toBool())
            return; // Enter on a completion both picks it and reaches the line edit
        combo->setProperty(finishedProperty, true);
        emit self->commitData(combo);
        emit self->closeEditor(combo, QAbstractItemDelegate::SubmitModelCache);
    };
    connect(combo->lineEdit(), &QLineEdit::returnPressed, combo, finish);
    connect(combo->completer(), qOverload<const QString &>(&QCompleter::activated), combo, finish);
    return combo;
}

bool RegionDelegate::eventFilter(QObject *editor, QEvent *event)
{
    // The Enter that finished the edit above reaches the closed combo box too: nothing to do.
    if (editor->property(finishedProperty).toBool() && event->type() == QEvent::KeyPress)
        return true;
    return QStyledItemDelegate::eventFilter(editor, event);
}

void RegionDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    const QString value = index.data().toString();
    combo->setCurrentIndex(combo->findText(value));
    combo->setEditText(value);
}

void RegionDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    QString value = combo->currentText().trimmed();
    // A short name stands for the one official name of this level that it shortens.
    const QStringList listed = choices(index);
    if (!listed.contains(value)) {
        QStringList official;
        for (const QString &name : listed) {
            if (Regions::shortName(name) == value)
                official.append(name);
        }
        if (official.size() == 1)
            value = official.constFirst();
    }
    const QString before = index.data().toString();
    model->setData(index, value);
    if (value == before)
        return;
    const QModelIndex city = index.siblingAtColumn(m_city);
    const QModelIndex district = index.siblingAtColumn(m_district);
    if (index.column() == m_province && !choices(city).contains(city.data().toString())) {
        model->setData(city, QString());
        model->setData(district, QString());
    } else if (index.column() != m_district
               && !choices(district).contains(district.data().toString())) {
        model->setData(district, QString());
    }
}

} // namespace MicroShop
