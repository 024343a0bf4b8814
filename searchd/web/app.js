// The Lupe search page: a client of the JSON API (docs/api.md), served by lupe-searchd.
// The page's state is its URL, in the API's own parameter names (q, filter.<facet>, sort,
// page), so a result list can be bookmarked and shared and back/forward work: every
// change pushes a new URL and the page renders whatever the URL says. API text is
// inserted with textContent; only a hit's snippet, which the API guarantees to be
// escaped HTML with <mark>, is inserted as HTML.
"use strict";

(() => {
  const API = "/api/v1";
  // The facets shown, in order, with their German labels; year is the bar chart.
  const FACET_LABELS = { type: "Dokumenttyp", state: "Land", topic: "Thema", publisher: "Herausgeber" };
  const CHIP_LABELS = { ...FACET_LABELS, year: "Jahr", municipality: "Kommune" };
  const FACETS_REQUESTED = "type,year,state,topic,publisher";
  const FACET_VISIBLE = 8;  // values shown before "alle anzeigen"
  const SUGGEST_DELAY_MS = 180;

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  };

  let searchSeq = 0;
  let loadedSearch = null;  // location.search of the last search started
  let searchAbort = null;
  let pendingFocus = null;  // {facet, value} of the checkbox to refocus after rendering
  const expandedFacets = new Set();

  // ---- state <-> URL ------------------------------------------------------------------

  function currentParams() {
    return new URLSearchParams(location.search);
  }

  function filterEntries(params) {
    return [...params].filter(([key]) => key.startsWith("filter."))
      .map(([key, value]) => [key.slice("filter.".length), value]);
  }

  function hasFilters(params) {
    return filterEntries(params).length > 0;
  }

  function navigate(params, { resetPage = true } = {}) {
    if (resetPage) params.delete("page");
    for (const key of [...params.keys()]) {
      if (params.get(key) === "") params.delete(key);
    }
    if (params.get("sort") === "relevance") params.delete("sort");
    const query = params.toString();
    history.pushState(null, "", query ? "/?" + query : "/");
    load();
  }

  function urlWith(params) {
    const query = params.toString();
    return query ? "/?" + query : "/";
  }

  // ---- formatting ---------------------------------------------------------------------

  const MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                  "September", "Oktober", "November", "Dezember"];

  function formatDate(date) {
    if (!date) return null;
    const [year, month, day] = date.split("-");
    if (day) return `${Number(day)}. ${MONTHS[Number(month) - 1]} ${year}`;
    if (month) return `${MONTHS[Number(month) - 1]} ${year}`;
    return year;
  }

  const number = (n) => Number(n).toLocaleString("de-DE");

  function yearLabel(value) {
    const match = /^(\d*)\.\.(\d*)$/.exec(value);
    if (!match) return value;
    if (match[1] && match[2]) return match[1] === match[2] ? match[1] : `${match[1]}–${match[2]}`;
    if (match[1]) return `ab ${match[1]}`;
    return `bis ${match[2]}`;
  }

  // ---- API ----------------------------------------------------------------------------

  // fetch + JSON; throws an Error whose message is the API's own error message.
  async function getJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: "application/json" } });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw Object.assign(new Error("Der Suchdienst ist nicht erreichbar."), { status: 0 });
    }
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error && body.error.message
        ? body.error.message : `HTTP-Status ${response.status}`;
      throw Object.assign(new Error(message), { status: response.status,
                                                code: body && body.error && body.error.code });
    }
    return body;
  }

  // ---- search -------------------------------------------------------------------------

  async function load() {
    loadedSearch = location.search;
    const params = currentParams();
    $("q").value = params.get("q") || "";
    $("sort").value = params.get("sort") || "relevance";
    closeSuggestions();
    const apiParams = new URLSearchParams(params);
    if (!apiParams.has("facets")) apiParams.set("facets", FACETS_REQUESTED);

    const seq = ++searchSeq;
    if (searchAbort) searchAbort.abort();
    searchAbort = new AbortController();
    document.body.classList.add("loading");
    $("status").textContent = "Suche läuft …";
    try {
      const data = await getJson(`${API}/search?${apiParams}`, searchAbort.signal);
      if (seq !== searchSeq) return;
      await render(params, data);
    } catch (error) {
      if (error.name === "AbortError" || seq !== searchSeq) return;
      renderError(params, error);
    } finally {
      if (seq === searchSeq) document.body.classList.remove("loading");
    }
  }

  function renderError(params, error) {
    clearResults();
    renderChips(params);
    const box = $("error");
    box.replaceChildren(
      el("strong", { text: "Die Suche ist fehlgeschlagen." }), " ",
      el("span", { className: "error-message", text: error.message }));
    if (error.status >= 400 && error.status < 500 && [...params.keys()].length > 0) {
      box.append(" ", el("a", { href: "/", text: "Neue Suche beginnen" }));
    }
    box.hidden = false;
    $("status").textContent = "Fehler: " + error.message;
  }

  function clearResults() {
    for (const id of ["error", "empty", "did-you-mean", "relaxed"]) $(id).hidden = true;
    $("hits").replaceChildren();
    $("pager").replaceChildren();
    $("facet-lists").replaceChildren();
    $("facet-year").hidden = true;
  }

  async function render(params, data) {
    clearResults();
    const q = params.get("q") || "";
    const pages = Math.max(1, Math.ceil(data.total / data.per_page));
    let status;
    if (data.total === 0) status = "Keine Treffer";
    else if (data.total === 1) status = "1 Treffer";
    else status = `${number(data.total)} Treffer`;
    if (q) status += ` für „${q}“`;
    if (data.total > data.per_page) status += ` – Seite ${data.page} von ${pages}`;
    if (data.partial) status += " (Suche vorzeitig beendet, Anzahl geschätzt)";
    $("status").textContent = status;
    document.title = q ? `${q} – Lupe` : "Lupe – Suche in Strategiepapieren";

    renderSuggestion(params, data.suggestion);
    $("relaxed").hidden = !data.relaxed;
    renderChips(params);
    renderFacets(params, data.facets || {});
    if (data.hits.length === 0) {
      await renderEmpty(params, data, pages);
    } else {
      const hits = $("hits");
      hits.start = (data.page - 1) * data.per_page + 1;
      data.hits.forEach((hit, i) => hits.append(renderHit(hit, i)));
      renderPager(params, data.page, pages);
    }
    if (pendingFocus) {
      const box = document.querySelector(
        `input[data-facet="${CSS.escape(pendingFocus.facet)}"][data-value="${CSS.escape(pendingFocus.value)}"]`);
      if (box) box.focus();
      pendingFocus = null;
    }
  }

  function renderSuggestion(params, suggestion) {
    const text = typeof suggestion === "string" ? suggestion
      : suggestion && (suggestion.text || suggestion.query);
    const box = $("did-you-mean");
    if (!text) return;
    const next = new URLSearchParams(params);
    next.set("q", text);
    next.delete("page");
    box.replaceChildren("Meinten Sie ", el("a", {
      href: urlWith(next), text,
      onclick: (event) => { event.preventDefault(); navigate(next); },
    }), "?");
    box.hidden = false;
  }

  async function renderEmpty(params, data, pages) {
    const seq = searchSeq;
    const box = $("empty");
    const q = params.get("q") || "";
    if (data.total > 0) {
      const first = new URLSearchParams(params);
      first.delete("page");
      box.replaceChildren(el("p", { text: `Seite ${data.page} gibt es nicht: die Suche hat ${pages} ${pages === 1 ? "Seite" : "Seiten"}.` }),
        el("a", { href: urlWith(first), text: "Zur ersten Seite",
                  onclick: (event) => { event.preventDefault(); navigate(first); } }));
      box.hidden = false;
      return;
    }
    const reasons = [];
    if (hasFilters(params)) {
      const filters = filterEntries(params)
        .map(([facet, value]) => `${CHIP_LABELS[facet] || facet}: ${facet === "year" ? yearLabel(value) : value}`);
      reasons.push(el("p", { text: `Kein Dokument${q ? ` zu „${q}“` : ""} passt zu den gewählten Filtern (${filters.join("; ")}).` }));
      const unfiltered = new URLSearchParams();
      if (q) unfiltered.set("q", q);
      if (params.get("sort")) unfiltered.set("sort", params.get("sort"));
      let without = null;
      try {
        const check = new URLSearchParams(unfiltered);
        check.set("per_page", "1");
        check.set("facets", "");
        without = (await getJson(`${API}/search?${check}`)).total;
      } catch (_) {
        without = null;  // the hint is optional; the offer to drop the filters stays
      }
      if (seq !== searchSeq) return;  // the user has moved on meanwhile
      if (without !== null) {
        reasons.push(el("p", { className: "without-filters",
          text: without === 0 ? "Auch ohne Filter gäbe es keine Treffer."
            : `Ohne Filter gäbe es ${number(without)} Treffer.` }));
      }
      reasons.push(el("button", { type: "button", className: "drop-filters",
        text: "Alle Filter entfernen", onclick: () => navigate(unfiltered) }));
    } else if (q) {
      reasons.push(el("p", { text: `Kein Dokument enthält „${q}“.` }),
        el("p", { text: "Prüfen Sie die Schreibweise oder versuchen Sie andere oder weniger Suchwörter. " +
                        "Mit ODER-Suche (z. B. Radverkehr OR Fußverkehr) finden Sie Dokumente mit einem der Wörter." }));
    } else {
      reasons.push(el("p", { text: "Der Index enthält noch keine Dokumente." }));
    }
    box.replaceChildren(...reasons);
    box.hidden = false;
  }

  function renderHit(hit, index) {
    const title = hit.title || hit.id;
    const heading = el("h3", { className: "hit-title" },
      hit.url ? el("a", { href: hit.url, text: title }) : el("span", { text: title }));
    const meta = el("p", { className: "hit-meta" });
    const parts = [
      hit.type && el("span", { className: "hit-type", text: hit.type }),
      hit.date && el("time", { datetime: hit.date, text: formatDate(hit.date) }),
      (hit.municipality || hit.state) && el("span", { className: "hit-place",
        text: [hit.municipality, hit.state].filter(Boolean).join(", ") }),
    ].filter(Boolean);
    parts.forEach((part, i) => {
      if (i > 0) meta.append(el("span", { className: "sep", "aria-hidden": "true", text: " · " }));
      meta.append(part);
    });
    const item = el("li", { className: "hit", "data-id": hit.id }, heading, meta);
    if (hit.snippet) {
      const snippet = el("p", { className: "snippet" });
      snippet.innerHTML = hit.snippet;  // safe HTML by the API's contract (docs/api.md)
      item.append(snippet);
    }
    if (hit.topics && hit.topics.length) {
      item.append(el("p", { className: "hit-topics" },
        el("span", { className: "visually-hidden", text: "Themen: " }),
        ...hit.topics.map((topic) => el("span", { className: "tag", text: topic }))));
    }
    item.append(renderSimilar(hit, index));
    return item;
  }

  // ---- similar documents --------------------------------------------------------------

  function renderSimilar(hit, index) {
    const regionId = `similar-${searchSeq}-${index}`;
    const region = el("div", { className: "similar", id: regionId, hidden: true, "aria-live": "polite" });
    let loaded = false;
    const button = el("button", {
      type: "button", className: "similar-toggle", "aria-expanded": "false",
      "aria-controls": regionId, text: "Ähnliche Dokumente",
    });
    button.addEventListener("click", async () => {
      const open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      region.hidden = open;
      if (open || loaded) return;
      loaded = true;
      region.replaceChildren(el("p", { className: "loading-note", text: "Ähnliche Dokumente werden gesucht …" }));
      try {
        const data = await getJson(`${API}/documents/${encodeURIComponent(hit.id)}/similar?per_page=5`);
        if (!data.hits || data.hits.length === 0) {
          region.replaceChildren(el("p", { text: "Keine ähnlichen Dokumente gefunden." }));
          return;
        }
        region.replaceChildren(el("h4", { text: "Ähnliche Dokumente" }), el("ul", { className: "similar-list" },
          ...data.hits.map((other) => el("li", {},
            other.url ? el("a", { href: other.url, text: other.title || other.id })
              : el("span", { text: other.title || other.id }),
            el("span", { className: "similar-meta",
              text: " " + [other.type, other.date && other.date.slice(0, 4), other.municipality || other.state]
                .filter(Boolean).join(" · ") })))));
      } catch (error) {
        loaded = false;  // a later click tries again
        region.replaceChildren(el("p", { className: "error-inline",
          text: `Ähnliche Dokumente konnten nicht geladen werden: ${error.message}` }));
      }
    });
    return el("div", { className: "hit-actions" }, button, region);
  }

  // ---- chips, facets, year chart, pager -----------------------------------------------

  function renderChips(params) {
    const chips = $("chips");
    chips.replaceChildren();
    const entries = filterEntries(params);
    for (const [facet, value] of entries) {
      const label = `${CHIP_LABELS[facet] || facet}: ${facet === "year" ? yearLabel(value) : value}`;
      chips.append(el("li", {}, el("button", {
        type: "button", className: "chip", "aria-label": `Filter ${label} entfernen`,
        onclick: () => {
          const next = new URLSearchParams();
          let removed = false;
          for (const [key, v] of params) {
            if (!removed && key === "filter." + facet && v === value) removed = true;
            else next.append(key, v);
          }
          navigate(next);
        },
      }, el("span", { text: label }), el("span", { className: "chip-x", "aria-hidden": "true", text: "×" }))));
    }
    if (entries.length > 1) {
      chips.append(el("li", {}, el("button", {
        type: "button", className: "chip chip-clear", text: "Alle Filter entfernen",
        onclick: () => {
          const next = new URLSearchParams(params);
          for (const key of [...next.keys()]) if (key.startsWith("filter.")) next.delete(key);
          navigate(next);
        },
      })));
    }
  }

  function renderFacets(params, facets) {
    const lists = $("facet-lists");
    for (const [facet, label] of Object.entries(FACET_LABELS)) {
      const values = facets[facet];
      if (!values || values.length === 0) continue;
      const selected = new Set(params.getAll("filter." + facet));
      const expanded = expandedFacets.has(facet);
      const shown = values.filter((v, i) => expanded || i < FACET_VISIBLE || selected.has(v.value));
      const list = el("ul", { className: "facet-values" });
      shown.forEach((entry, i) => {
        const id = `facet-${facet}-${i}`;
        const box = el("input", {
          type: "checkbox", id, "data-facet": facet, "data-value": entry.value,
          checked: selected.has(entry.value),
        });
        box.addEventListener("change", () => {
          const next = new URLSearchParams(params);
          const kept = next.getAll("filter." + facet).filter((v) => v !== entry.value);
          next.delete("filter." + facet);
          for (const v of kept) next.append("filter." + facet, v);
          if (box.checked) next.append("filter." + facet, entry.value);
          pendingFocus = { facet, value: entry.value };
          navigate(next);
        });
        list.append(el("li", { className: entry.count === 0 ? "zero" : null }, box,
          el("label", { for: id },
            el("span", { className: "facet-value", text: entry.value }), " ",
            el("span", { className: "count", "aria-label": `${entry.count} Treffer`, text: number(entry.count) }))));
      });
      const fieldset = el("fieldset", { className: "facet", "data-facet": facet }, el("legend", { text: label }), list);
      if (values.length > shown.length || expanded) {
        fieldset.append(el("button", {
          type: "button", className: "facet-more", "aria-expanded": String(expanded),
          text: expanded ? "Weniger anzeigen" : `Alle ${values.length} anzeigen`,
          onclick: () => {
            if (expanded) expandedFacets.delete(facet); else expandedFacets.add(facet);
            renderFacets(params, facets);
          },
        }));
      }
      const old = lists.querySelector(`fieldset[data-facet="${facet}"]`);
      if (old) old.replaceWith(fieldset); else lists.append(fieldset);
    }
    renderYears(params, facets.year || []);
  }

  // The selected year range [from, to] (numbers or null for an open end) of the first
  // filter.year parameter; null if there is none.
  function selectedYears(params) {
    const value = params.get("filter.year");
    if (value === null) return null;
    const match = /^(\d*)\.\.(\d*)$/.exec(value);
    if (match) return [match[1] ? Number(match[1]) : null, match[2] ? Number(match[2]) : null];
    return [Number(value), Number(value)];
  }

  function withYears(params, from, to) {
    const next = new URLSearchParams(params);
    const others = next.getAll("filter.year").slice(1);
    next.delete("filter.year");
    if (from !== null || to !== null) {
      next.append("filter.year", from !== null && from === to ? String(from) : `${from ?? ""}..${to ?? ""}`);
    }
    for (const v of others) next.append("filter.year", v);
    return next;
  }

  function renderYears(params, values) {
    const section = $("facet-year");
    const years = values.filter((v) => /^\d{4}$/.test(v.value))
      .map((v) => ({ year: Number(v.value), count: v.count }))
      .sort((a, b) => a.year - b.year);
    if (years.length === 0) return;
    section.hidden = false;
    const range = selectedYears(params);
    const inRange = (year) => range && (range[0] === null || year >= range[0]) &&
      (range[1] === null || year <= range[1]);
    const max = Math.max(...years.map((y) => y.count), 1);
    const chart = $("year-chart");
    chart.replaceChildren(...years.map(({ year, count }) => {
      const bar = el("span", { className: "bar" });
      bar.style.height = `${Math.max(4, Math.round((count / max) * 100))}%`;
      return el("button", {
        type: "button", className: "year-bar" + (inRange(year) ? " selected" : ""),
        "aria-pressed": String(Boolean(inRange(year))), "data-year": String(year),
        "aria-label": `${year}: ${count} Treffer`, title: `${year}: ${count} Treffer`,
        onclick: () => {
          // A click picks one year; a click on another year while one is picked spans
          // both; a click on the only picked year clears the selection.
          if (range && range[0] === year && range[1] === year) navigate(withYears(params, null, null));
          else if (range && range[0] !== null && range[0] === range[1]) {
            navigate(withYears(params, Math.min(range[0], year), Math.max(range[0], year)));
          } else navigate(withYears(params, year, year));
        },
      }, bar, el("span", { className: "year-label", "aria-hidden": "true", text: String(year).slice(2) }));
    }));
    const from = $("year-from");
    const to = $("year-to");
    const options = (select, value) => {
      select.replaceChildren(el("option", { value: "", text: "–" }),
        ...years.map(({ year }) => el("option", { value: String(year), text: String(year) })));
      select.value = value === null || value === undefined ? "" : String(value);
    };
    options(from, range ? range[0] : null);
    options(to, range ? range[1] : null);
    const change = () => {
      let a = from.value ? Number(from.value) : null;
      let b = to.value ? Number(to.value) : null;
      if (a !== null && b !== null && a > b) [a, b] = [b, a];
      navigate(withYears(params, a, b));
    };
    from.onchange = change;
    to.onchange = change;
  }

  function renderPager(params, page, pages) {
    const pager = $("pager");
    if (pages <= 1) return;
    const link = (target, text, label) => {
      const next = new URLSearchParams(params);
      if (target === 1) next.delete("page"); else next.set("page", String(target));
      const attrs = { href: urlWith(next), text, "aria-label": label };
      if (target === page) attrs["aria-current"] = "page";
      return el("a", { ...attrs, onclick: (event) => {
        event.preventDefault();
        navigate(next, { resetPage: false });
        $("results").focus({ preventScroll: true });
        window.scrollTo(0, 0);
      } });
    };
    const list = el("ul");
    if (page > 1) list.append(el("li", {}, link(page - 1, "‹ Zurück", "Vorherige Seite")));
    const first = Math.max(1, Math.min(page - 2, pages - 4));
    const last = Math.min(pages, first + 4);
    if (first > 1) list.append(el("li", {}, link(1, "1", "Seite 1")), el("li", { className: "gap", text: "…" }));
    for (let p = first; p <= last; ++p) list.append(el("li", {}, link(p, String(p), `Seite ${p}`)));
    if (last < pages) list.append(el("li", { className: "gap", text: "…" }), el("li", {}, link(pages, String(pages), `Seite ${pages}`)));
    if (page < pages) list.append(el("li", {}, link(page + 1, "Weiter ›", "Nächste Seite")));
    pager.append(list);
  }

  // ---- autocomplete -------------------------------------------------------------------
  // GET /api/v1/suggest?q=PREFIX -> {"suggestions":[{"text","kind","id"?}]}. Any failure
  // (the endpoint may not exist: 404) shows no suggestions and no error.

  let suggestTimer = 0;
  let suggestAbort = null;
  let active = -1;

  function suggestionItems() {
    return [...$("suggestions").querySelectorAll("[role=option]")];
  }

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    if (suggestAbort) suggestAbort.abort();
    $("suggestions").hidden = true;
    $("suggestions").replaceChildren();
    $("q").setAttribute("aria-expanded", "false");
    $("q").removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    const items = suggestionItems();
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
    $("q").setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function choose(text) {
    closeSuggestions();
    $("q").value = text;
    submitSearch();
  }

  async function suggest(prefix) {
    if (suggestAbort) suggestAbort.abort();
    suggestAbort = new AbortController();
    let data;
    try {
      const response = await fetch(`${API}/suggest?q=${encodeURIComponent(prefix)}`,
                                   { signal: suggestAbort.signal });
      if (!response.ok) { closeSuggestions(); return; }
      data = await response.json();
    } catch (_) {
      return;
    }
    if ($("q").value !== prefix || document.activeElement !== $("q")) return;
    const suggestions = (data && Array.isArray(data.suggestions)) ? data.suggestions : [];
    const list = $("suggestions");
    list.replaceChildren(...suggestions.filter((s) => s && s.text).map((s, i) => el("li", {
      role: "option", id: `suggestion-${i}`, "aria-selected": "false", className: "suggestion",
      "data-kind": s.kind || "word",
      onmousedown: (event) => { event.preventDefault(); choose(s.text); },
    }, el("span", { text: s.text }),
      s.kind === "title" ? el("span", { className: "suggestion-kind", text: "Titel" }) : null)));
    active = -1;
    $("q").removeAttribute("aria-activedescendant");
    const open = list.children.length > 0;
    list.hidden = !open;
    $("q").setAttribute("aria-expanded", String(open));
  }

  function submitSearch() {
    const next = new URLSearchParams(currentParams());
    next.set("q", $("q").value.trim());
    navigate(next);
  }

  function wireSearchBox() {
    const input = $("q");
    input.addEventListener("input", () => {
      clearTimeout(suggestTimer);
      const prefix = input.value;
      if (prefix.trim().length < 2) { closeSuggestions(); return; }
      suggestTimer = setTimeout(() => suggest(prefix), SUGGEST_DELAY_MS);
    });
    input.addEventListener("keydown", (event) => {
      const open = !$("suggestions").hidden;
      if (event.key === "ArrowDown" && open) { event.preventDefault(); setActive(active + 1); }
      else if (event.key === "ArrowUp" && open) { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape" && open) { event.preventDefault(); closeSuggestions(); }
      else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        choose(suggestionItems()[active].firstChild.textContent);
      }
    });
    input.addEventListener("blur", () => closeSuggestions());
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      closeSuggestions();
      submitSearch();
    });
    $("sort").addEventListener("change", () => {
      const next = new URLSearchParams(currentParams());
      next.set("sort", $("sort").value);
      navigate(next);
    });
  }

  // Back/forward; a jump to a fragment (the skip link) changes no search.
  window.addEventListener("popstate", () => {
    if (location.search !== loadedSearch) load();
  });
  wireSearchBox();
  load();
})();
