#include "SettingsPage.h"
#include "ui_SettingsPage.h"

#include "BackgroundTask.h"
#include "LanguageManager.h"
#include "MoveShopDialog.h"
#include "UsersSection.h"

#include "Clock.h"
#include "Dates.h"
#include "Error.h"
#include "Repositories.h"
#include "ShopContext.h"
#include "ShopSettings.h"
#include "TeamRole.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimeZone>

namespace MicroShop {

SettingsPage::SettingsPage(ShopContext &shop, LanguageManager &languages, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsPage>())
    , m_shop(shop)
    , m_settings(shop.settings)
    , m_backups(shop.backups)
    , m_languages(languages)
{
    m_ui->setupUi(this);
    // A readable column rather than fields stretched across a wide window.
    m_ui->scrollContents->setMaximumWidth(860);
    m_ui->complianceLabel->setStyleSheet(QStringLiteral(
        "background: #fff8e1; border: 1px solid #f0c36d; border-radius: 4px; color: #5d4300;"));
    for (const QString &code : ShopSettings::currencies())
        m_ui->currencyCombo->addItem(code, code);
    for (const QByteArray &zone : QTimeZone::availableTimeZoneIds())
        m_ui->timeZoneCombo->addItem(QString::fromLatin1(zone), QString::fromLatin1(zone));
    fillLanguageCombo();

    const auto edited = [this] { updateState(); };
    connect(m_ui->shopNameEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->currencyCombo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_ui->senderNameEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->senderPhoneEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->senderAddressEdit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->timeZoneCombo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_ui->allowNegativeCheck, &QCheckBox::toggled, this, edited);
    connect(m_ui->levelsSpin, &QSpinBox::valueChanged, this, edited);
    connect(m_ui->rate1Edit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->rate2Edit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->rate3Edit, &QLineEdit::textEdited, this, edited);
    connect(m_ui->holdDaysSpin, &QSpinBox::valueChanged, this, edited);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &SettingsPage::apply);
    connect(m_ui->revertButton, &QPushButton::clicked, this, [this] {
        reload();
        showStatus(tr("Changes discarded."), false);
    });
    connect(m_ui->languageCombo, &QComboBox::activated, this, [this](int index) {
        m_languages.setLanguage(m_ui->languageCombo->itemData(index).toString());
    });
    connect(m_ui->backupNowButton, &QPushButton::clicked, this, &SettingsPage::backUpNow);
    connect(m_ui->restoreButton, &QPushButton::clicked, this, &SettingsPage::restoreSelected);
    connect(m_ui->restoreFileButton, &QPushButton::clicked, this, &SettingsPage::restoreFromFile);
    connect(m_ui->moveToServerButton, &QPushButton::clicked, this, &SettingsPage::moveToServer);
    connect(m_ui->copyToFileButton, &QPushButton::clicked, this, &SettingsPage::copyToFile);
    // A shop on a file moves to a server; a shop on a server may be copied to a file.
    m_ui->moveToServerButton->setVisible(m_backups.isLocalFile());
    m_ui->copyToFileButton->setVisible(!m_backups.isLocalFile());
    connect(m_ui->backupsList, &QListWidget::currentRowChanged, this, [this] { updateState(); });
    // The people of a team shop, after the database they sign in to (the owner's alone).
    auto *users = new UsersSection(shop.people, m_ui->scrollContents);
    m_ui->contentsLayout->insertWidget(m_ui->contentsLayout->indexOf(m_ui->databaseGroup) + 1,
                                       users);
    users->setVisible(TeamAccess::may(shop.role, Capability::ManageUsers));
    // Every role chooses this desktop's language; the shop's settings, database and backups are
    // the owner's (the server refuses the others' changes anyway).
    const bool owns = TeamAccess::may(shop.role, Capability::ChangeSettings);
    for (QWidget *shopPart :
         {static_cast<QWidget *>(m_ui->shopGroup), static_cast<QWidget *>(m_ui->senderGroup),
          static_cast<QWidget *>(m_ui->stockGroup), static_cast<QWidget *>(m_ui->commissionGroup),
          static_cast<QWidget *>(m_ui->databaseGroup), static_cast<QWidget *>(m_ui->applyButton),
          static_cast<QWidget *>(m_ui->revertButton)})
        shopPart->setVisible(owns);

    reload();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::reload()
{
    m_loading = true;
    m_loaded.clear();
    for (const auto &[key, value] : m_settings.all())
        m_loaded.insert(key, value);

    m_ui->shopNameEdit->setText(m_loaded.value(ShopSettings::shopNameKey));
    m_ui->currencyCombo->setCurrentIndex(
        m_ui->currencyCombo->findData(m_loaded.value(ShopSettings::currencyKey)));
    const QString zone = m_loaded.value(ShopSettings::timeZoneKey);
    if (m_ui->timeZoneCombo->findData(zone) < 0) // stored by a computer that knows more zones
        m_ui->timeZoneCombo->addItem(zone, zone);
    m_ui->timeZoneCombo->setCurrentIndex(m_ui->timeZoneCombo->findData(zone));
    m_ui->senderNameEdit->setText(m_loaded.value(ShopSettings::senderNameKey));
    m_ui->senderPhoneEdit->setText(m_loaded.value(ShopSettings::senderPhoneKey));
    m_ui->senderAddressEdit->setText(m_loaded.value(ShopSettings::senderAddressKey));
    m_ui->allowNegativeCheck->setChecked(m_loaded.value(ShopSettings::allowNegativeStockKey)
                                         == u"true");
    m_ui->levelsSpin->setValue(m_loaded.value(ShopSettings::commissionLevelsKey).toInt());
    m_ui->rate1Edit->setText(m_loaded.value(ShopSettings::commissionRateKey(1)));
    m_ui->rate2Edit->setText(m_loaded.value(ShopSettings::commissionRateKey(2)));
    m_ui->rate3Edit->setText(m_loaded.value(ShopSettings::commissionRateKey(3)));
    m_ui->holdDaysSpin->setValue(m_loaded.value(ShopSettings::holdDaysKey).toInt());
    m_ui->databaseLabel->setText(
        tr("%1 (schema version %2)").arg(m_backups.databaseName()).arg(m_backups.schemaVersion()));
    fillBackupsList();
    m_loading = false;
    updateState();
}

QHash<QString, QString> SettingsPage::editedValues() const
{
    return {
        {ShopSettings::shopNameKey, m_ui->shopNameEdit->text()},
        {ShopSettings::currencyKey, m_ui->currencyCombo->currentData().toString()},
        {ShopSettings::timeZoneKey, m_ui->timeZoneCombo->currentData().toString()},
        {ShopSettings::senderNameKey, m_ui->senderNameEdit->text()},
        {ShopSettings::senderPhoneKey, m_ui->senderPhoneEdit->text()},
        {ShopSettings::senderAddressKey, m_ui->senderAddressEdit->text()},
        {ShopSettings::allowNegativeStockKey,
         m_ui->allowNegativeCheck->isChecked() ? QStringLiteral("true") : QStringLiteral("false")},
        {ShopSettings::commissionLevelsKey, QString::number(m_ui->levelsSpin->value())},
        {ShopSettings::commissionRateKey(1), m_ui->rate1Edit->text()},
        {ShopSettings::commissionRateKey(2), m_ui->rate2Edit->text()},
        {ShopSettings::commissionRateKey(3), m_ui->rate3Edit->text()},
        {ShopSettings::holdDaysKey, QString::number(m_ui->holdDaysSpin->value())},
    };
}

bool SettingsPage::hasUnappliedChanges() const
{
    const auto edited = editedValues();
    for (auto it = edited.cbegin(); it != edited.cend(); ++it) {
        if (m_loaded.value(it.key()) != it.value())
            return true;
    }
    return false;
}

void SettingsPage::updateState()
{
    if (m_loading)
        return;
    const int levels = m_ui->levelsSpin->value();
    m_ui->rate2Edit->setEnabled(levels >= 2);
    m_ui->rate2Label->setEnabled(levels >= 2);
    m_ui->rate3Edit->setEnabled(levels >= 3);
    m_ui->rate3Label->setEnabled(levels >= 3);
    showTimeZoneNote();
    const bool dirty = hasUnappliedChanges();
    m_ui->applyButton->setEnabled(dirty);
    m_ui->revertButton->setEnabled(dirty);
    const QListWidgetItem *backup = m_ui->backupsList->currentItem();
    m_ui->restoreButton->setEnabled(backup && backup->data(Qt::UserRole).isValid());
}

void SettingsPage::showTimeZoneNote()
{
    const QTimeZone zone(m_ui->timeZoneCombo->currentData().toString().toLatin1());
    if (!zone.isValid()) {
        m_ui->timeZoneNote->setText(tr("This computer does not know this time zone; it uses its "
                                       "own (%1).")
                                        .arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
        return;
    }
    // The clock read in the zone chosen: what "today" would be there.
    const QDateTime instant = Clock::instant().toTimeZone(zone);
    m_ui->timeZoneNote->setText(
        tr("Now there: %1 (UTC%2). This computer's zone: %3.")
            .arg(instant.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 zone.displayName(instant, QTimeZone::OffsetName).remove(QStringLiteral("UTC")),
                 QString::fromLatin1(QTimeZone::systemTimeZoneId())));
}

void SettingsPage::showStatus(const QString &text, bool isError)
{
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setStyleSheet(isError ? QStringLiteral("color: #c0392b;") : QString());
}

void SettingsPage::apply()
{
    QList<std::pair<QString, QString>> changes;
    const auto edited = editedValues();
    for (const QString &key : ShopSettings::keys()) {
        if (m_loaded.value(key) != edited.value(key))
            changes.append({key, edited.value(key)});
    }
    try {
        m_settings.setValues(changes);
    } catch (const Error &error) {
        showStatus(error.message(), true);
        return;
    }
    reload();
    showStatus(tr("Settings saved."), false);
    emit settingsApplied();
}

void SettingsPage::fillLanguageCombo()
{
    const QSignalBlocker blocker(m_ui->languageCombo);
    m_ui->languageCombo->clear();
    m_ui->languageCombo->addItem(tr("Follow the system"), LanguageManager::followSystem);
    // Each language is named in itself, so that anyone can find their own.
    m_ui->languageCombo->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->setCurrentIndex(m_ui->languageCombo->findData(m_languages.language()));
}

void SettingsPage::fillBackupsList()
{
    m_ui->backupsList->clear();
    const QStringList files = m_backups.dailyBackups();
    for (const QString &file : files) {
        const QFileInfo info(file);
        auto *item = new QListWidgetItem(
            tr("%1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size())),
            m_ui->backupsList);
        item->setData(Qt::UserRole, file);
        item->setToolTip(QDir::toNativeSeparators(file));
    }
    if (files.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No automatic backups yet: the app makes one each day "
                                            "it is started on a local database file."),
                                         m_ui->backupsList);
        item->setFlags(Qt::NoItemFlags);
    }
}

void SettingsPage::backUpNow()
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(
                  QStringLiteral("microshop-backup-%1.db").arg(Dates::toText(Dates::today())));
    const QString file = QFileDialog::getSaveFileName(this, tr("Back up the shop"), suggested,
                                                      tr("MicroShop backups (*.db)"));
    if (!file.isEmpty())
        backUpTo(file);
}

bool SettingsPage::runWhole(const QString &title, const std::function<void(BackupStore &)> &work)
{
    QString problem;
    const auto outcome = BackgroundTask::run(
        this, m_shop, title,
        [&work](ShopContext &own, const ProgressCallback &) { work(own.backups); }, &problem,
        BackgroundTask::Cancel::NotOffered);
    if (outcome != BackgroundTask::Outcome::Done)
        showStatus(problem, true);
    return outcome == BackgroundTask::Outcome::Done;
}

bool SettingsPage::backUpTo(const QString &file)
{
    if (!runWhole(tr("Backing up the shop…"),
                  [&file](BackupStore &backups) { backups.backupTo(file); }))
        return false;
    showStatus(tr("Backed up to %1.").arg(QDir::toNativeSeparators(file)), false);
    return true;
}

void SettingsPage::restoreSelected()
{
    const QListWidgetItem *item = m_ui->backupsList->currentItem();
    if (!item || !item->data(Qt::UserRole).isValid())
        return;
    restoreFrom(item->data(Qt::UserRole).toString(), item->text());
}

void SettingsPage::restoreFromFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Restore a backup"), QString(), tr("MicroShop backups (*.db);;All files (*)"));
    if (!file.isEmpty())
        restoreFrom(file, QDir::toNativeSeparators(file));
}

void SettingsPage::restoreFrom(const QString &file, const QString &description)
{
    const auto answer = QMessageBox::warning(
        this, tr("Restore a backup"),
        tr("Replace all of the shop's data with the backup %1?\n\nEverything entered since that "
           "backup will be lost. Back up now first if you may need it.")
            .arg(description),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        restoreNow(file, description);
}

bool SettingsPage::restoreNow(const QString &file, const QString &description)
{
    if (!runWhole(tr("Restoring the backup…"),
                  [&file](BackupStore &backups) { backups.restoreFrom(file); }))
        return false;
    m_settings.applyTimeZone(); // the restored shop's
    reload();
    showStatus(tr("Restored from %1.").arg(description), false);
    emit shopDataReplaced();
    return true;
}

void SettingsPage::moveToServer()
{
    MoveShopDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        copyShopTo(dialog.location(), dialog.locationWithoutPassword());
}

void SettingsPage::copyToFile()
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(QStringLiteral("microshop-%1.db").arg(Dates::toText(Dates::today())));
    const QString file = QFileDialog::getSaveFileName(this, tr("Copy this shop to a file"),
                                                      suggested, tr("MicroShop databases (*.db)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    if (QFileInfo::exists(file)) {
        QMessageBox::warning(this, tr("Copy this shop to a file"),
                             tr("%1 exists already. Choose a new file name: the copy never "
                                "writes over a file.")
                                 .arg(QDir::toNativeSeparators(file)));
        return;
    }
    copyShopTo(file, file);
}

bool SettingsPage::copyShopTo(const QString &location, const QString &rememberAs)
{
    QList<CopiedTable> copied;
    QString problem;
    const auto outcome = BackgroundTask::run(
        this, m_shop, tr("Copying the shop…"),
        [&](ShopContext &own, const ProgressCallback &progress) {
            copied = own.backups.copyTo(location, progress);
        },
        &problem);
    const QString shown = QDir::toNativeSeparators(rememberAs);
    if (outcome == BackgroundTask::Outcome::Cancelled) {
        showStatus(tr("The copy was cancelled; nothing was written to %1.").arg(shown), true);
        return false;
    }
    if (outcome == BackgroundTask::Outcome::Failed) {
        showStatus(problem, true);
        QMessageBox::warning(this, tr("The shop was not copied"), problem);
        return false;
    }
    qint64 rows = 0;
    qint64 orders = 0;
    for (const CopiedTable &table : std::as_const(copied)) {
        rows += table.rows;
        if (table.table == u"orders")
            orders = table.rows;
    }
    const QString result = tr("The shop was copied to %1: %L2 rows, %L3 orders among them. The "
                              "copy passed the check.")
                               .arg(shown)
                               .arg(rows)
                               .arg(orders);
    showStatus(result, false);
    const auto answer = QMessageBox::question(
        this, tr("The shop was copied"),
        result + QStringLiteral("\n\n")
            + tr("Open the shop there from now on, on this desktop? MicroShop will open %1 the "
                 "next time it starts (the password is not saved). This shop stays as it is; do "
                 "not keep working in both.")
                  .arg(shown),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        DesktopDatabase::remember(rememberAs);
        showStatus(tr("MicroShop will open %1 the next time it starts. Close it and start it again "
                      "to work there.")
                       .arg(shown),
                   false);
    }
    return true;
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslate()
{
    m_ui->retranslateUi(this);
    fillLanguageCombo();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_ui->databaseLabel->setText(
        tr("%1 (schema version %2)").arg(m_backups.databaseName()).arg(m_backups.schemaVersion()));
    fillBackupsList();
    m_loading = wasLoading;
    updateState();
}

} // namespace MicroShop
