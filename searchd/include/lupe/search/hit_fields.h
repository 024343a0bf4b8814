#pragma once

#include <xapian.h>

#include "lupe/analyzers/schema.h"

namespace lupe::search {

// The fields a hit list shows of a stored document: its kHitSlot value, or in indexes
// written before that slot, the same fields taken from its stored-fields JSON.
// Throws lupe::Error(kInternal) if the stored value is malformed.
analyzers::schema::HitFields HitFieldsOf(const Xapian::Document& document);
// The same, given the document's kHitSlot value (read by the caller, say from a
// ValueColumns column; empty: none).
analyzers::schema::HitFields HitFieldsOf(const Xapian::Document& document,
                                         std::string_view hit_value);

}  // namespace lupe::search
