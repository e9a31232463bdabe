#pragma once
// The warehouse's forms filled from a stock movement (issue 15): 附录7 领料单 and 附录6 库房流转单
// from an issue to a crew, 附录24 退料单 from a return. Numbers that follow each other print as
// one range ("3300000000001-3300000000100"); old meters print one per row with their customer.
//
//   FormContext ctx = stockFormContext(7, sheet);        // then FormRenderer::writePdf(...)
#include "report/formcontext.h"

#include <QList>
#include <QString>

namespace ms {

struct StockSheetLine
{
    QString kind; // meter | seal | old_meter
    QString number, crew, accountNo;
};

struct StockSheet
{
    QString number; // the movement's uuid (its 单号)
    QString kind;   // issue | return
    QString crew, by, at;
    QList<StockSheetLine> lines;
};

// Forms 6, 7 (an issue) and 24 (a return); other numbers get the sheet's heading fields only.
FormContext stockFormContext(int formNumber, const StockSheet &sheet);
// "A-B, C, D-E": runs of numbers of the same length and prefix whose trailing digits follow on.
QString compactNumberRanges(QStringList numbers);

} // namespace ms
