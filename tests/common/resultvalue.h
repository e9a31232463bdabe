#pragma once
// The value of a Result in a test: the value, or a default one with the test failed and the
// error's code and message printed, so a read that fails says why instead of crashing the test.
// It returns by value, so `for (const Evidence &e : valueOf(store.evidence().list(owner)))` is
// safe.
#include "model/result.h"

#include <gtest/gtest.h>

namespace ms::test {

template <typename T> T valueOf(Result<T> result)
{
    if (!result) {
        ADD_FAILURE() << result.error().code.toStdString() << ": "
                      << result.error().message.toStdString();
        return T{};
    }
    return std::move(result).value();
}

} // namespace ms::test
