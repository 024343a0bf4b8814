#pragma once

#include <xapian.h>

#include "lupe/analyzers/schema.h"

namespace lupe::search {

// The fields a hit list shows of a stored document: its kHitSlot value, or in indexes
// written before that slot, the same fields taken from its stored-fields JSON.
// Throws lupe::Error(kInternal) if the stored value is malformed.
analyzers::schema::HitFields HitFieldsOf(const Xapian::Document& document);

}  // namespace lupe::search
