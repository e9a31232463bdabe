#pragma once
// poppler-utils from the tests: text, fonts and page images of a real PDF file.
#include <QImage>
#include <QString>

namespace ms::test {

QString pdfText(const QString &pdf);   // pdftotext -layout PDF -
QString pdfFonts(const QString &pdf);  // pdffonts PDF
int pdfPages(const QString &pdf);      // from pdfinfo; -1 on failure
QImage pdfPage(const QString &pdf, int page, int dpi = 60); // pdftoppm -png

} // namespace ms::test
