#include <QCoreApplication>
#include <cstdio>

// Not built yet (issue 5). Fails loudly rather than pretending.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::fprintf(stderr, "meterswap-office: not available in this build yet\n");
    return 1;
}
