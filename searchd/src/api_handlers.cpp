#include "api_handlers.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <chrono>
#include <cmath>

#include "lupe/analyzers/schema.h"
#include "lupe/search/facet_counter.h"

namespace lupe::search {
namespace {

namespace schema = analyzers::schema;
using Poco::JSON::Array;
using Poco::JSON::Object;

// The request's query parameters, decoded ('+' is a space, as browsers send forms).
std::vector<std::pair<std::string, std::string>> Parameters(
    const Poco::Net::HTTPServerRequest& request) {
  std::string query;
  try {
    query = Poco::URI(request.getURI()).getRawQuery();
  } catch (const Poco::Exception&) {
    throw Error(ErrorCode::kInvalidInput, "malformed request URI");
  }
  std::vector<std::pair<std::string, std::string>> params;
  auto decode = [](std::string text) {
    for (char& c : text) {
      if (c == '+') c = ' ';
    }
    std::string decoded;
    try {
      Poco::URI::decode(text, decoded);
    } catch (const Poco::Exception&) {
      throw Error(ErrorCode::kInvalidInput, "malformed percent-encoding in the query string");
    }
    return decoded;
  };
  std::size_t begin = 0;
  while (begin < query.size()) {
    std::size_t end = query.find('&', begin);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(begin, end - begin);
    begin = end + 1;
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    params.emplace_back(decode(pair.substr(0, equals)),
                        equals == std::string::npos ? "" : decode(pair.substr(equals + 1)));
  }
  return params;
}

Object::Ptr ParseFields(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
}

// The stable hit format: every key present, null when the document has no such field.
Object::Ptr HitJson(const SearchHit& hit) {
  const Object::Ptr fields = ParseFields(hit.fields_json);
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const char* key :
       {"id", "title", "url", "type", "date", "state", "municipality", "publisher"}) {
    json->set(key, fields->has(key) ? fields->get(key) : Poco::Dynamic::Var());
  }
  json->set("topics", fields->has("topics") ? fields->get("topics") : Poco::Dynamic::Var(Array::Ptr(new Array)));
  json->set("score", std::round(hit.score * 1000) / 1000);
  json->set("snippet", hit.snippet);
  return json;
}

// JSON values are held through Ptr: a Var holding an Object or Array by value deep-copies
// it on every set() and add() (that was a sixth of a search request's time).
Array::Ptr FacetJson(const std::vector<FacetValue>& values, bool with_selected) {
  Array::Ptr array = new Array;
  for (const FacetValue& value : values) {
    Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("value", value.value);
    entry->set("count", value.count);
    if (with_selected) entry->set("selected", value.selected);
    array->add(entry);
  }
  return array;
}

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return std::round(ms * 100) / 100;
}

// Runs f with the thread's database; once more on a fresh revision if a commit
// overwrote what the read needed (Xapian::DatabaseModifiedError).
template <typename F>
auto WithDatabase(const IndexReader& index, F f) {
  try {
    return f(index.Open());
  } catch (const Xapian::DatabaseModifiedError&) {
    return f(index.Reopen());
  }
}

// The document with id; lupe::Error(kNotFound) if there is none.
Xapian::docid FindDocument(const Xapian::Database& db, const std::string& id) {
  const std::string term = std::string(schema::kIdPrefix) + id;
  Xapian::PostingIterator posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term)) {
    throw Error(ErrorCode::kNotFound, "no document with id '" + Excerpt(id, 200) + "'");
  }
  return *posting;
}

Array::Ptr HitsJson(const std::vector<SearchHit>& hits) {
  Array::Ptr array = new Array;
  for (const SearchHit& hit : hits) array->add(HitJson(hit));
  return array;
}

}  // namespace

Object::Ptr SearchHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  const SearchRequest search = ParseSearchRequest(Parameters(request), service_.config);
  const SearchResult result = WithDatabase(service_.index, [&](const Xapian::Database& db) {
    return service_.searcher.Search(db, search);
  });
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("query", search.q);
  body->set("total", result.total);
  body->set("relaxed", result.relaxed);
  body->set("partial", result.partial);
  if (!result.suggestion.empty()) body->set("suggestion", result.suggestion);
  body->set("page", search.page);
  body->set("per_page", search.per_page);
  Object::Ptr facets = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const FacetCounts& counts : result.facets) {
    facets->set(counts.facet->name, FacetJson(counts.values, true));
  }
  body->set("took_ms", MillisecondsSince(start));
  body->set("hits", HitsJson(result.hits));
  body->set("facets", facets);
  return body;
}

Object::Ptr DocumentHandler::Handle(Poco::Net::HTTPServerRequest&) {
  return WithDatabase(service_.index, [&](const Xapian::Database& db) -> Object::Ptr {
    const Xapian::Document document = db.get_document(FindDocument(db, name_));
    Object::Ptr fields = ParseFields(schema::StoredFields(document));
    fields->remove("path");  // the indexer's file system is not the client's business
    fields->set("text", schema::DocumentText(document));
    return fields;
  });
}

Object::Ptr SimilarHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  const SearchRequest similar = ParseSimilarRequest(Parameters(request), service_.config);
  const SearchResult result = WithDatabase(service_.index, [&](const Xapian::Database& db) {
    return service_.searcher.Similar(db, FindDocument(db, name_), similar);
  });
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("id", name_);
  body->set("total", result.total);
  body->set("partial", result.partial);
  body->set("page", similar.page);
  body->set("per_page", similar.per_page);
  body->set("took_ms", MillisecondsSince(start));
  body->set("hits", HitsJson(result.hits));
  return body;
}

Object::Ptr SuggestHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  std::string q;
  std::size_t limit = 8;
  for (const auto& [name, value] : Parameters(request)) {
    RequireUtf8(name, value);
    if (name == "q") {
      q = value;
    } else if (name == "per_page") {
      limit = ParseCount("per_page", value, 1, 20);
    } else {
      throw Error(ErrorCode::kInvalidInput,
                  "unknown parameter '" + Excerpt(name) + "' (known: q, per_page)");
    }
  }
  if (q.size() > service_.config.max_query_bytes) {
    throw Error(ErrorCode::kTooLarge,
                "q is longer than " + std::to_string(service_.config.max_query_bytes) + " bytes");
  }
  const std::vector<Suggestion> suggestions =
      WithDatabase(service_.index, [&](const Xapian::Database& db) {
        return service_.suggester.Complete(db, q, limit);
      });
  Array::Ptr array = new Array;
  for (const Suggestion& suggestion : suggestions) {
    Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("text", suggestion.text);
    const bool title = suggestion.kind == Suggestion::Kind::kTitle;
    entry->set("kind", title ? "title" : "word");
    if (title) entry->set("id", suggestion.id);
    array->add(entry);
  }
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("query", q);
  body->set("suggestions", array);
  return body;
}

Object::Ptr FacetHandler::Handle(Poco::Net::HTTPServerRequest&) {
  const analyzers::FacetSpec* facet = service_.config.schema.Find(name_);
  if (facet == nullptr) {
    throw Error(ErrorCode::kNotFound, "no facet named '" + Excerpt(name_, 100) + "'");
  }
  const std::vector<FacetValue> values = WithDatabase(
      service_.index,
      [&](const Xapian::Database& db) { return CountFacet(db, Xapian::Query(), *facet); });
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("facet", facet->name);
  body->set("values", FacetJson(values, false));
  return body;
}

Object::Ptr HealthHandler::Handle(Poco::Net::HTTPServerRequest&) {
  const IndexReader::Health health = service_.index.CurrentHealth();
  Object::Ptr body = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  body->set("status", "ok");
  body->set("documents", health.documents);
  body->set("revision", health.revision);
  body->set("analyzer", health.analyzer);
  body->set("last_commit", health.last_commit);
  return body;
}

}  // namespace lupe::search
