#pragma once

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class SettingsPage;
}

namespace MicroShop {

class BackupStore;
class LanguageManager;
class ShopSettings;
struct ShopContext;

// The Settings page: shop, sender of parcels, language, stock and commission rules, the database
// and its backups. Edits are applied together (Apply) through ShopSettings; the language changes
// at once. Backups and restores run off the UI thread (a million-order shop takes a quarter of a
// minute).
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(ShopContext &shop, LanguageManager &languages, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void reload(); // shows the stored values, dropping unapplied edits
    bool hasUnappliedChanges() const;
    // What Back up now and Restore do once the file is chosen (and the restore confirmed).
    bool backUpTo(const QString &file);
    bool restoreNow(const QString &file, const QString &description);
    // What Move this shop to a server and Copy this shop to a file do once the place is chosen:
    // the copy in the background, its result, then the offer to open rememberAs (location
    // without its password) from now on on this desktop.
    bool copyShopTo(const QString &location, const QString &rememberAs);

signals:
    void settingsApplied();
    void shopDataReplaced(); // a backup was restored: every page must reload

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillLanguageCombo();
    void fillBackupsList();
    QHash<QString, QString> editedValues() const;
    void updateState();
    void showStatus(const QString &text, bool isError);
    void showTimeZoneNote();

    void apply();
    void backUpNow();
    void restoreSelected();
    void restoreFromFile();
    void restoreFrom(const QString &file, const QString &description);
    void moveToServer();
    void copyToFile();
    // A backup or a restore off the UI thread: all or nothing, so with no Cancel; a failure is
    // said on the page.
    bool runWhole(const QString &title, const std::function<void(BackupStore &)> &work);

    std::unique_ptr<Ui::SettingsPage> m_ui;
    ShopContext &m_shop;
    ShopSettings &m_settings;
    BackupStore &m_backups;
    LanguageManager &m_languages;
    QHash<QString, QString> m_loaded;
    bool m_loading = false;
};

} // namespace MicroShop
