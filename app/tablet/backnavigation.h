#pragma once
// A page the shell hosts that has pages of its own (我的工作: role home → 附录表单 → what the
// form is for → the form). The shell's one 返回 button steps back inside such a page first and
// leaves it only from its first page, so no page draws a back button of its own.
#include <QtPlugin>

namespace ms {

class BackNavigation
{
public:
    virtual ~BackNavigation() = default;
    // One step back inside the page; false when it is on its first page (the shell leaves it).
    // A step that cannot be taken yet (a form that could not be saved) still returns true.
    virtual bool goBack() = 0;
};

} // namespace ms

Q_DECLARE_INTERFACE(ms::BackNavigation, "org.meterswap.BackNavigation")
