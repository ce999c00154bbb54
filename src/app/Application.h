#pragma once

namespace MicroShop {

// Sets the application up (names, icon, translations), opens the database chosen by --db,
// $MICROSHOP_DB or the default file, makes the daily backup in the background, and runs the
// main window. Returns the process exit status (3 when the database cannot be used).
int runDesktopApplication(int argc, char *argv[]);

} // namespace MicroShop
