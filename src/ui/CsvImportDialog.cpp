#include "CsvImportDialog.h"

#include "BackgroundTask.h"

#include "CsvReader.h"
#include "TableSource.h"

#include "ShopContext.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

constexpr int previewRows = 20;

} // namespace

CsvImportDialog::CsvImportDialog(ShopContext &shop, ShopImporter::Kind kind, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_kind(kind)
    , m_fileEdit(new QLineEdit(this))
    , m_detectedLabel(new QLabel(this))
    , m_preview(new QTableWidget(this))
    , m_mappingBox(new QWidget(this))
    , m_statusLabel(new QLabel(this))
    , m_errors(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(tr("Import %1 from CSV").arg(kindName()));
    resize(900, 640);

    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(tr("Choose a CSV file saved by Excel, WPS or LibreOffice"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &CsvImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);

    m_detectedLabel->setObjectName(QStringLiteral("detectedLabel"));
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setDefaultSectionSize(22);
    m_mappingBox->setObjectName(QStringLiteral("mappingBox"));
    new QGridLayout(m_mappingBox);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_errors->setObjectName(QStringLiteral("errorList"));
    m_errors->setReadOnly(true);
    m_errors->setMaximumHeight(140);
    m_errors->hide();

    QPushButton *importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("importButton"));
    connect(importButton, &QPushButton::clicked, this, [this] {
        if (importNow())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_detectedLabel);
    layout->addWidget(new QLabel(tr("First rows of the file:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(
        new QLabel(tr("Columns: which MicroShop column each column of the file "
                      "fills (required: %1).")
                       .arg(ShopImporter::requiredColumns(kind).join(QStringLiteral(", "))),
                   this));
    layout->addWidget(m_mappingBox);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_errors);
    layout->addWidget(m_buttons);
    updateState();
}

CsvImportDialog::~CsvImportDialog() = default;

QString CsvImportDialog::kindName() const
{
    switch (m_kind) {
    case ShopImporter::Kind::Products:
        return tr("products");
    case ShopImporter::Kind::Customers:
        return tr("customers");
    case ShopImporter::Kind::Orders:
        return tr("orders");
    case ShopImporter::Kind::Distributors:
        return tr("distributors");
    }
    return QString();
}

void CsvImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, windowTitle(), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void CsvImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_fileEdit->setText(QDir::toNativeSeparators(path));
    m_reader = std::make_unique<CsvReader>(CsvReader::fromFile(path));
    m_report = {};
    showPreview();
    updateState();
}

void CsvImportDialog::showPreview()
{
    const QStringList &header = m_reader->header();
    const QString separator = m_reader->separator() == u'\t'  ? tr("tab")
                              : m_reader->separator() == u';' ? tr("semicolon")
                                                              : tr("comma");
    m_detectedLabel->setText(tr("Detected: %1, separated by %2, %3 row(s) after the header.")
                                 .arg(m_reader->encoding(), separator)
                                 .arg(m_reader->records().size()));

    m_preview->clear();
    m_preview->setColumnCount(int(header.size()));
    m_preview->setHorizontalHeaderLabels(header);
    const int rows = int(qMin<qsizetype>(previewRows, m_reader->records().size()));
    m_preview->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const CsvRecord &record = m_reader->records().at(row);
        m_preview->setVerticalHeaderItem(row, new QTableWidgetItem(QString::number(record.line)));
        for (int column = 0; column < record.fields.size() && column < header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(record.fields.at(column)));
    }
    m_preview->resizeColumnsToContents();

    // One combo per column of the file: MicroShop's column of the same name, or a choice.
    auto *grid = static_cast<QGridLayout *>(m_mappingBox->layout());
    qDeleteAll(m_mappingCombos);
    m_mappingCombos.clear();
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList known = ShopImporter::columns(m_kind);
    for (int i = 0; i < header.size(); ++i) {
        auto *combo = new QComboBox(m_mappingBox);
        combo->setObjectName(QStringLiteral("mapping%1").arg(i));
        combo->addItem(tr("(choose a column)"), QStringLiteral("?"));
        combo->addItem(tr("(ignore this column)"), QString());
        for (const QString &column : known)
            combo->addItem(column, column);
        const int match = combo->findData(header.at(i).toLower());
        combo->setCurrentIndex(match >= 0 ? match : 0);
        connect(combo, &QComboBox::currentIndexChanged, this, &CsvImportDialog::updateState);
        const int row = i / 3;
        const int column = (i % 3) * 2;
        grid->addWidget(new QLabel(header.at(i) + u':', m_mappingBox), row, column);
        grid->addWidget(combo, row, column + 1);
        m_mappingCombos.append(combo);
    }
}

QHash<QString, QString> CsvImportDialog::mapping() const
{
    QHash<QString, QString> result;
    if (!m_reader)
        return result;
    for (int i = 0; i < m_mappingCombos.size(); ++i) {
        const QString target = m_mappingCombos.at(i)->currentData().toString();
        if (target != u"?")
            result.insert(m_reader->header().at(i), target);
    }
    return result;
}

void CsvImportDialog::updateState()
{
    QPushButton *importButton = m_buttons->findChild<QPushButton *>(QStringLiteral("importButton"));
    if (!m_reader) {
        importButton->setEnabled(false);
        m_statusLabel->setText(
            tr("Choose a file to see what it holds before anything is imported."));
        return;
    }
    if (!m_reader->issues().isEmpty()) {
        importButton->setEnabled(false);
        QStringList problems;
        for (const CsvIssue &issue : m_reader->issues())
            problems.append(
                tr("line %1, column %2: %3").arg(issue.line).arg(issue.column).arg(issue.message));
        m_statusLabel->setText(
            tr("This file cannot be read: %1").arg(problems.join(QStringLiteral("; "))));
        return;
    }
    QStringList unchosen;
    QSet<QString> chosen;
    for (int i = 0; i < m_mappingCombos.size(); ++i) {
        const QString target = m_mappingCombos.at(i)->currentData().toString();
        if (target == u"?")
            unchosen.append(m_reader->header().at(i));
        else if (!target.isEmpty())
            chosen.insert(target);
    }
    QStringList missing;
    for (const QString &required : ShopImporter::requiredColumns(m_kind)) {
        if (!chosen.contains(required))
            missing.append(required);
    }
    importButton->setEnabled(unchosen.isEmpty() && missing.isEmpty());
    if (!unchosen.isEmpty())
        m_statusLabel->setText(tr("Choose what these columns are, or ignore them: %1.")
                                   .arg(unchosen.join(QStringLiteral(", "))));
    else if (!missing.isEmpty())
        m_statusLabel->setText(
            tr("No column of the file gives %1.").arg(missing.join(QStringLiteral(", "))));
    else
        m_statusLabel->setText(tr("Ready: every row is checked first, and nothing is imported if "
                                  "one is wrong."));
}

bool CsvImportDialog::importNow()
{
    if (!m_reader)
        return false;
    // Off the UI thread, on a connection of its own: progress, Cancel, and a window that paints.
    const QString fileName = QFileInfo(m_path).fileName();
    const QHash<QString, QString> columns = mapping();
    const QString path = m_path;
    const ShopImporter::Kind kind = m_kind;
    ShopImporter::Report report;
    QString message;
    const auto outcome = BackgroundTask::run(
        this, m_shop, tr("Importing %1…").arg(fileName),
        [&](ShopContext &shop, const ProgressCallback &progress) {
            ShopImporter importer(shop);
            importer.setProgress(progress);
            // The file read again as a stream (an orders file twice), not the preview's copy.
            const std::unique_ptr<TableSource> source = openTableSource(path);
            report = importer.import(kind, *source, fileName, columns);
        },
        &message);
    if (outcome != BackgroundTask::Outcome::Done) {
        m_statusLabel->setText(outcome == BackgroundTask::Outcome::Cancelled
                                   ? tr("Import cancelled: nothing was saved.")
                                   : message);
        return false;
    }
    m_report = report;
    if (m_report.ok()) {
        m_statusLabel->setText(tr("Imported %1 row(s): %2 created, %3 updated.")
                                   .arg(m_report.rows)
                                   .arg(m_report.created)
                                   .arg(m_report.updated));
        m_errors->hide();
        return true;
    }
    m_statusLabel->setText(tr("Nothing was imported: %1 problem(s) to fix in the file (line and "
                              "column given for each).")
                               .arg(m_report.errors.size()));
    m_statusLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_errors->setPlainText(m_report.errors.join(u'\n'));
    m_errors->show();
    return false;
}

} // namespace MicroShop
