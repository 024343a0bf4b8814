#include "api_handlers.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
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
void WriteHit(const SearchHit& hit, JsonWriter& out) {
  out.BeginObject();
  for (std::size_t i = 0; i < hit.fields.values.size(); ++i) {
    out.Key(schema::HitFields::kNames[i]);
    if (hit.fields.values[i]) {
      out.Value(*hit.fields.values[i]);
    } else {
      out.Null();
    }
  }
  out.Key("topics");
  out.BeginArray();
  for (const std::string& topic : hit.fields.topics) out.Value(topic);
  out.EndArray();
  out.Field("score", std::round(hit.score * 1000) / 1000);
  out.Field("snippet", hit.snippet);
  out.EndObject();
}

void WriteFacetValues(const std::vector<FacetValue>& values, bool with_selected, JsonWriter& out) {
  out.BeginArray();
  for (const FacetValue& value : values) {
    out.BeginObject();
    out.Field("value", value.value);
    out.Field("count", static_cast<std::uint64_t>(value.count));
    if (with_selected) out.Field("selected", value.selected);
    out.EndObject();
  }
  out.EndArray();
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

void WriteHits(const std::vector<SearchHit>& hits, JsonWriter& out) {
  out.BeginArray();
  for (const SearchHit& hit : hits) WriteHit(hit, out);
  out.EndArray();
}

}  // namespace

void SearchHandler::Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) {
  const auto start = std::chrono::steady_clock::now();
  const SearchRequest search = ParseSearchRequest(Parameters(request), service_.config);
  const SearchResult result = WithDatabase(service_.index, [&](const Xapian::Database& db) {
    return service_.searcher.Search(db, search);
  });
  out.BeginObject();
  out.Field("query", search.q);
  out.Field("total", static_cast<std::uint64_t>(result.total));
  out.Field("relaxed", result.relaxed);
  out.Field("partial", result.partial);
  if (!result.suggestion.empty()) out.Field("suggestion", result.suggestion);
  out.Field("page", static_cast<std::uint64_t>(search.page));
  out.Field("per_page", static_cast<std::uint64_t>(search.per_page));
  out.Field("took_ms", MillisecondsSince(start));
  out.Key("hits");
  WriteHits(result.hits, out);
  out.Key("facets");
  out.BeginObject();
  for (const FacetCounts& counts : result.facets) {
    out.Key(counts.facet->name);
    WriteFacetValues(counts.values, true, out);
  }
  out.EndObject();
  out.EndObject();
}

void DocumentHandler::Handle(Poco::Net::HTTPServerRequest&, JsonWriter& out) {
  const Object::Ptr fields =
      WithDatabase(service_.index, [&](const Xapian::Database& db) -> Object::Ptr {
        const Xapian::Document document = db.get_document(FindDocument(db, name_));
        Object::Ptr parsed = ParseFields(schema::StoredFields(document));
        parsed->remove("path");  // the indexer's file system is not the client's business
        parsed->set("text", schema::DocumentText(document));
        return parsed;
      });
  out.Value(Poco::Dynamic::Var(fields));
}

void SimilarHandler::Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) {
  const auto start = std::chrono::steady_clock::now();
  const SearchRequest similar = ParseSimilarRequest(Parameters(request), service_.config);
  const SearchResult result = WithDatabase(service_.index, [&](const Xapian::Database& db) {
    return service_.searcher.Similar(db, FindDocument(db, name_), similar);
  });
  out.BeginObject();
  out.Field("id", name_);
  out.Field("total", static_cast<std::uint64_t>(result.total));
  out.Field("partial", result.partial);
  out.Field("page", static_cast<std::uint64_t>(similar.page));
  out.Field("per_page", static_cast<std::uint64_t>(similar.per_page));
  out.Field("took_ms", MillisecondsSince(start));
  out.Key("hits");
  WriteHits(result.hits, out);
  out.EndObject();
}

void SuggestHandler::Handle(Poco::Net::HTTPServerRequest& request, JsonWriter& out) {
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
  const std::vector<Suggestion> suggestions = WithDatabase(
      service_.index,
      [&](const Xapian::Database& db) { return service_.suggester.Complete(db, q, limit); });
  out.BeginObject();
  out.Field("query", q);
  out.Key("suggestions");
  out.BeginArray();
  for (const Suggestion& suggestion : suggestions) {
    out.BeginObject();
    out.Field("text", suggestion.text);
    const bool title = suggestion.kind == Suggestion::Kind::kTitle;
    out.Field("kind", title ? "title" : "word");
    if (title) out.Field("id", suggestion.id);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

void FacetHandler::Handle(Poco::Net::HTTPServerRequest&, JsonWriter& out) {
  const analyzers::FacetSpec* facet = service_.config.schema.Find(name_);
  if (facet == nullptr) {
    throw Error(ErrorCode::kNotFound, "no facet named '" + Excerpt(name_, 100) + "'");
  }
  const std::vector<FacetValue> values =
      WithDatabase(service_.index, [&](const Xapian::Database& db) {
        return service_.searcher.Facets().CountMatching(db, Xapian::Query::MatchAll, *facet);
      });
  out.BeginObject();
  out.Field("facet", facet->name);
  out.Key("values");
  WriteFacetValues(values, false, out);
  out.EndObject();
}

void HealthHandler::Handle(Poco::Net::HTTPServerRequest&, JsonWriter& out) {
  const IndexReader::Health health = service_.index.CurrentHealth();
  out.BeginObject();
  out.Field("status", "ok");
  out.Field("documents", static_cast<std::uint64_t>(health.documents));
  out.Field("revision", static_cast<std::uint64_t>(health.revision));
  out.Field("analyzer", health.analyzer);
  out.Field("last_commit", health.last_commit);
  out.Field("work_slots", static_cast<std::uint64_t>(service_.gate.slots()));
  out.Field("waiting", static_cast<std::uint64_t>(service_.gate.Waiting()));
  out.EndObject();
}

}  // namespace lupe::search
