#pragma once
// 操作示例图: one of a card's diagrams (forms/illustrations/*.svg), drawn at the width the card
// column gives it, with its caption underneath. A file that is missing or not a valid SVG shows
// the caption and says so instead of an empty box.
#include <QWidget>

class QLabel;

namespace ms {

class IllustrationView : public QWidget
{
    Q_OBJECT
public:
    // `path`: the SVG's full path (":/forms/illustrations/…" or a catalog folder's file).
    IllustrationView(const QString &path, const QString &caption, QWidget *parent = nullptr);

    bool valid() const { return m_valid; }

private:
    bool m_valid = false;
};

} // namespace ms
