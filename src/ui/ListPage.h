#pragma once

#include "ListSelection.h"

#include <QKeySequence>
#include <QWidget>

#include <functional>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QVBoxLayout;

namespace MicroShop {

class PagedTableModel;

// What every list page shares: a title, a search box that searches as you type, a row of
// filters, the sortable list, a details panel for the selected row, and action buttons with
// shortcuts that are enabled only when they can act.
class ListPage : public QWidget
{
    Q_OBJECT

public:
    ListPage(PagedTableModel *model, QWidget *parent = nullptr);

    PagedTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The current record: the row with the focus among those selected; 0 when nothing is.
    qint64 currentId() const;
    // Rows chosen with Shift and Ctrl (or Ctrl+A: every row matching, however many); a page
    // asks for it with setMultiSelection(). Its count is read from the ranges, never row by row.
    ListSelection selection() const;
    qint64 selectedCount() const; // rows of selection(); every row matching counts rowCount()
    void selectId(qint64 id);
    void refresh(); // the list again, keeping the selected record when it is still there
    // The list again after a change made elsewhere (another desktop): keeps the rows chosen
    // (by record, up to keptSelection of them; every row matching stays every row), the current
    // record and the scroll position, so that a list that follows others does not jump.
    virtual void followChanges();
    static constexpr qint64 keptSelection = 1000;
    void clearSearch();

signals:
    void importRequested();
    void exportRequested();
    void exportKindRequested(int exportKind); // another file of the page (stock, payouts)

protected:
    // An action: a button (objectName) and a shortcut; needsSelection disables it without one.
    QPushButton *addActionButton(const QString &objectName, std::function<QString()> text,
                                 const QKeySequence &shortcut, std::function<void()> slot,
                                 bool needsSelection);
    void addFilter(QWidget *widget);
    void setMultiSelection(bool on);
    QVBoxLayout *detailsLayout() const { return m_detailsLayout; }
    void setTitle(std::function<QString()> title);
    void setSearchPlaceholder(std::function<QString()> text);
    void addImportExportActions();

    virtual void showDetails(qint64 id) = 0; // 0: nothing selected
    virtual void updateActions();
    virtual void retranslate();

    void changeEvent(QEvent *event) override;

private:
    void updateCount();

    PagedTableModel *m_model;
    QLabel *m_title;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QHBoxLayout *m_filters;
    QLabel *m_count;
    QTableView *m_view;
    QVBoxLayout *m_detailsLayout;
    QHBoxLayout *m_actions;
    std::function<QString()> m_titleText;
    std::function<QString()> m_placeholderText;
    struct Action
    {
        QPushButton *button;
        std::function<QString()> text;
        bool needsSelection;
    };
    QList<Action> m_actionButtons;
};

} // namespace MicroShop
