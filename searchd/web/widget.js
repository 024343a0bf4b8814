// The Lupe portal widget: a search box and result list for any page (docs/embedding.md).
//
//   <div data-lupe-search data-endpoint="https://lupe.example.org"
//        data-facets="type,state" data-per-page="5" data-filter-state="Bayern"></div>
//   <script src="https://lupe.example.org/widget.js"></script>
//
// Each element gets a shadow root, so the host page's CSS does not reach the widget and
// the widget's CSS does not reach the host. It calls the JSON API (docs/api.md) of
// data-endpoint (default: where widget.js came from), cross-origin under searchd's
// [searchd] cors_origins. The widget keeps its state to itself: it never touches the
// host page's URL or history. API text is inserted as text; only a hit's snippet, which
// the API guarantees to be escaped HTML with <mark>, is inserted as HTML.
"use strict";

(() => {
  const SCRIPT_ORIGIN = document.currentScript && document.currentScript.src
    ? new URL(document.currentScript.src, location.href).origin : location.origin;
  const FACET_LABELS = { type: "Dokumenttyp", state: "Land", topic: "Thema", publisher: "Herausgeber",
                         municipality: "Kommune", year: "Jahr" };
  const MAX_FACET_VALUES = 6;

  const CSS_TEXT = `
:host { all: initial; display: block; font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  font-size: 16px; line-height: 1.45; color: #1b1f24; }
* { box-sizing: border-box; }
.lupe { border: 1px solid #c9d1db; border-radius: 6px; padding: 12px; background: #fff; }
form { display: flex; gap: 6px; }
input[type=search] { flex: 1; min-width: 0; font: inherit; padding: 6px 8px; border: 1px solid #4a5563;
  border-radius: 4px; color: inherit; background: #fff; }
button { font: inherit; cursor: pointer; border-radius: 4px; padding: 6px 12px; }
.go { background: #174a7c; color: #fff; border: 1px solid #174a7c; }
.go:hover { background: #0f3357; }
:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
.hidden-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.preset { margin: 6px 0 0; font-size: 13px; color: #4a5563; }
.status { margin: 8px 0 4px; font-weight: bold; font-size: 14px; }
.status:empty { display: none; }
.error { color: #9b1c1c; border: 1px solid #9b1c1c; border-radius: 4px; padding: 6px 8px; margin: 8px 0; }
.facets { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: bold; font-size: 13px; padding: 0; }
fieldset label { display: inline-flex; gap: 4px; align-items: center; margin-right: 10px; font-size: 14px; cursor: pointer; }
.count { color: #4a5563; }
ol { list-style: none; margin: 0; padding: 0; }
li.hit { padding: 8px 0; border-top: 1px solid #e3e8ee; }
.title { font-weight: bold; color: #174a7c; text-decoration: underline; }
.meta { font-size: 13px; color: #4a5563; margin: 2px 0; }
.snippet { font-size: 14px; margin: 2px 0 0; }
mark { background: #fff0a8; color: inherit; }
.nav { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; font-size: 14px; }
.nav button { background: #fff; color: #174a7c; border: 1px solid #174a7c; padding: 4px 10px; }
.nav button[disabled] { color: #6b7480; border-color: #c9d1db; cursor: default; }
.nav a { color: #174a7c; margin-left: auto; }
`;

  const MONTHS = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];
  function formatDate(date) {
    const [year, month, day] = String(date).split("-");
    if (day) return `${Number(day)}. ${MONTHS[Number(month) - 1]} ${year}`;
    if (month) return `${MONTHS[Number(month) - 1]} ${year}`;
    return year;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  let widgetCount = 0;

  class LupeWidget {
    constructor(host) {
      const id = ++widgetCount;
      this.endpoint = (host.getAttribute("data-endpoint") || SCRIPT_ORIGIN).replace(/\/+$/, "");
      const perPage = Number(host.getAttribute("data-per-page") || 5);
      this.perPage = Number.isInteger(perPage) && perPage >= 1 && perPage <= 100 ? perPage : 5;
      const facets = host.getAttribute("data-facets");
      this.facets = (facets === null ? "type,state" : facets).split(",").map((f) => f.trim()).filter(Boolean);
      // data-filter-<facet>="value" (several values separated by "|") are fixed filters.
      this.fixed = [];
      for (const attr of host.attributes) {
        if (!attr.name.startsWith("data-filter-")) continue;
        const facet = attr.name.slice("data-filter-".length);
        for (const value of attr.value.split("|").map((v) => v.trim()).filter(Boolean)) {
          this.fixed.push([facet, value]);
        }
      }
      this.facets = this.facets.filter((f) => !this.fixed.some(([facet]) => facet === f));
      this.selected = [];  // [facet, value] chosen by the user
      this.query = host.getAttribute("data-query") || "";
      this.page = 1;
      this.seq = 0;

      const root = host.attachShadow({ mode: "open" });
      if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function" &&
          "replaceSync" in CSSStyleSheet.prototype) {
        // Constructed sheets work under a host page CSP without 'unsafe-inline'.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS_TEXT);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(el("style", { text: CSS_TEXT }));
      }
      const inputId = `lupe-q-${id}`;
      this.input = el("input", { type: "search", id: inputId, name: "q", autocomplete: "off",
                                 placeholder: "Suchbegriffe" });
      this.input.value = this.query;
      this.form = el("form", { role: "search" },
        el("label", { for: inputId, className: "hidden-label", text: "Suche in Strategiepapieren" }),
        this.input, el("button", { type: "submit", className: "go", text: "Suchen" }));
      this.status = el("p", { className: "status", role: "status", "aria-live": "polite" });
      this.error = el("p", { className: "error", role: "alert", hidden: true });
      this.facetBox = el("div", { className: "facets" });
      this.hits = el("ol", { className: "hits" });
      this.nav = el("div", { className: "nav" });
      const box = el("div", { className: "lupe" }, this.form);
      if (this.fixed.length) {
        box.append(el("p", { className: "preset", text: "Nur " + this.fixed
          .map(([facet, value]) => `${FACET_LABELS[facet] || facet}: ${value}`).join(", ") }));
      }
      box.append(this.status, this.error, this.facetBox, this.hits, this.nav);
      root.append(box);

      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.query = this.input.value.trim();
        this.page = 1;
        this.search();
      });
      if (this.query) this.search();
    }

    params() {
      const params = new URLSearchParams();
      if (this.query) params.set("q", this.query);
      for (const [facet, value] of [...this.fixed, ...this.selected]) params.append(`filter.${facet}`, value);
      return params;
    }

    async search() {
      const seq = ++this.seq;
      const params = this.params();
      params.set("per_page", String(this.perPage));
      params.set("page", String(this.page));
      params.set("facets", this.facets.join(","));
      this.status.textContent = "Suche läuft …";
      let data;
      try {
        const response = await fetch(`${this.endpoint}/api/v1/search?${params}`,
                                     { headers: { Accept: "application/json" } });
        let body = null;
        try { body = await response.json(); } catch (_) { body = null; }
        if (!response.ok) {
          throw new Error(body && body.error && body.error.message
            ? body.error.message : `HTTP-Status ${response.status}`);
        }
        data = body;
      } catch (error) {
        if (seq !== this.seq) return;
        const message = error instanceof TypeError ? "Der Suchdienst ist nicht erreichbar." : error.message;
        this.error.textContent = `Die Suche ist fehlgeschlagen: ${message}`;
        this.error.hidden = false;
        this.status.textContent = "";
        this.hits.replaceChildren();
        this.nav.replaceChildren();
        return;
      }
      if (seq !== this.seq) return;
      this.error.hidden = true;
      this.render(data);
    }

    render(data) {
      const q = this.query;
      this.status.textContent = (data.total === 0 ? "Keine Treffer" : data.total === 1 ? "1 Treffer"
        : `${data.total.toLocaleString("de-DE")} Treffer`) + (q ? ` für „${q}“` : "");
      this.renderFacets(data.facets || {});
      this.hits.replaceChildren(...data.hits.map((hit) => {
        const title = hit.title || hit.id;
        const snippet = el("p", { className: "snippet" });
        snippet.innerHTML = hit.snippet || "";  // safe HTML by the API's contract
        return el("li", { className: "hit" },
          hit.url ? el("a", { className: "title", href: hit.url, text: title })
            : el("span", { className: "title", text: title }),
          el("p", { className: "meta", text: [hit.type, hit.date && formatDate(hit.date),
            [hit.municipality, hit.state].filter(Boolean).join(", ")].filter(Boolean).join(" · ") }),
          snippet);
      }));
      const pages = Math.max(1, Math.ceil(data.total / this.perPage));
      this.nav.replaceChildren();
      if (pages > 1) {
        const step = (delta, text, disabled) => {
          const button = el("button", { type: "button", text, disabled });
          button.addEventListener("click", () => { this.page += delta; this.search(); });
          return button;
        };
        this.nav.append(step(-1, "‹ Zurück", this.page <= 1),
          el("span", { text: `Seite ${this.page} von ${pages}` }),
          step(1, "Weiter ›", this.page >= pages));
      }
      if (data.total > 0) {
        this.nav.append(el("a", { href: `${this.endpoint}/?${this.params()}`, target: "_blank",
                                  rel: "noopener", text: "Alle Treffer in Lupe öffnen" }));
      }
    }

    renderFacets(facets) {
      this.facetBox.replaceChildren(...this.facets.filter((f) => facets[f] && facets[f].length).map((facet) => {
        const isSelected = (value) => this.selected.some(([f, v]) => f === facet && v === value);
        const values = facets[facet].filter((v, i) => i < MAX_FACET_VALUES || isSelected(v.value));
        return el("fieldset", { "data-facet": facet }, el("legend", { text: FACET_LABELS[facet] || facet }),
          ...values.map((entry) => {
            const box = el("input", { type: "checkbox", "data-value": entry.value, checked: isSelected(entry.value) });
            box.addEventListener("change", () => {
              this.selected = this.selected.filter(([f, v]) => !(f === facet && v === entry.value));
              if (box.checked) this.selected.push([facet, entry.value]);
              this.page = 1;
              this.search();
            });
            return el("label", {}, box, el("span", { text: entry.value }),
              el("span", { className: "count", text: `(${entry.count})` }));
          }));
      }));
    }
  }

  function start() {
    for (const host of document.querySelectorAll("[data-lupe-search]")) {
      if (host.shadowRoot || host.hasAttribute("data-lupe-ready")) continue;
      host.setAttribute("data-lupe-ready", "");
      new LupeWidget(host);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
