#include "appcontext.h"

#include "store/store.h"
#include "uilog.h"


Q_LOGGING_CATEGORY(lcUi, "meterswap.ui", QtWarningMsg)

namespace ms {

PhotoOptions AppContext::photoOptions() const
{
    PhotoOptions o;
    auto edge = DeviceSettings(store).photoLongEdge();
    if (!edge) // a preference: the photo is still taken, at the default size; the log says why
        qCWarning(lcUi) << "photo size setting unreadable, using" << o.longEdge << "px:"
                        << edge.error().message;
    else
        o.longEdge = edge.value();
    return o;
}

} // namespace ms
