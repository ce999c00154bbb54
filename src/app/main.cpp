// microshop: the desktop app. Opens (or creates) the shop's database and shows the main window.
#include "Application.h"

int main(int argc, char *argv[])
{
    return MicroShop::runDesktopApplication(argc, argv);
}
