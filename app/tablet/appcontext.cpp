#include "appcontext.h"

#include "store/store.h"
#include "uilog.h"

#include <algorithm>

Q_LOGGING_CATEGORY(lcUi, "meterswap.ui", QtWarningMsg)

namespace ms {

PhotoOptions AppContext::photoOptions() const
{
    PhotoOptions o;
    const int edge = store.settings().intValue(QString::fromLatin1(settingkeys::kPhotoLongEdge), 2048);
    o.longEdge = std::clamp(edge, 640, 8192);
    return o;
}

} // namespace ms
