#!/usr/bin/env python3
"""The search page (GET /) in headless chromium against lupe-searchd serving corpus/:
searching, facets against the API's counts, the URL as state (opening, paging, back and
forward), sorting, the year chart, empty results, API errors, autocomplete, "Meinten Sie".

Usage: page_test.py --indexer BIN --searchd BIN --source-dir DIR [unittest args]
"""

import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lupe_browser import BrowserTestCase, By, Keys, run_tests, wait_for  # noqa: E402


class PageTest(BrowserTestCase):
    # ---- helpers ----------------------------------------------------------------------

    def open(self, path="/"):
        self.driver.get(self.lupe.url + path)
        self.wait_loaded()

    def wait_loaded(self):
        """Until the page shows the outcome of its current URL's search."""
        wait_for(self.driver, lambda d: d.execute_script(
            "return !document.body.classList.contains('loading') && "
            "document.getElementById('status').textContent !== ''"), "page never finished loading")

    def status(self):
        return self.driver.find_element(By.ID, "status").text

    def hit_ids(self):
        return [e.get_attribute("data-id") for e in self.driver.find_elements(By.CSS_SELECTOR, "#hits > li.hit")]

    def params(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)

    def facet_counts(self, facet):
        counts = {}
        for box in self.driver.find_elements(By.CSS_SELECTOR, f'input[data-facet="{facet}"]'):
            label = self.driver.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]')
            counts[box.get_attribute("data-value")] = int(
                label.find_element(By.CLASS_NAME, "count").text.replace(".", ""))
        return counts

    def search_in_box(self, text):
        box = self.driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys(text, Keys.ENTER)
        wait_for(self.driver, lambda d: self.params().get("q") == [text], f"URL never got q={text}")
        self.wait_loaded()

    def expect_hits_of(self, response):
        wait_for(self.driver, lambda d: self.hit_ids() == [h["id"] for h in response["hits"]],
                 f"hits differ from the API's: {self.hit_ids()} vs {[h['id'] for h in response['hits']]}")

    # ---- tests ------------------------------------------------------------------------

    def test_typing_a_query_shows_the_api_results_with_highlighted_snippets(self):
        self.open("/")
        self.search_in_box("Bürgerbeteiligung")
        api = self.lupe.search(q="Bürgerbeteiligung")
        self.assertGreater(api["total"], 0)
        self.expect_hits_of(api)
        self.assertIn(f"{api['total']} Treffer für „Bürgerbeteiligung“", self.status())
        first = self.driver.find_element(By.CSS_SELECTOR, "#hits > li.hit")
        link = first.find_element(By.CSS_SELECTOR, ".hit-title a")
        self.assertEqual(link.text, api["hits"][0]["title"])
        self.assertEqual(link.get_attribute("href"), api["hits"][0]["url"])
        snippet = first.find_elements(By.CSS_SELECTOR, ".snippet")
        self.assertEqual(snippet[0].get_attribute("innerHTML") if snippet else "", api["hits"][0]["snippet"])
        self.assertIn(api["hits"][0]["state"], first.find_element(By.CLASS_NAME, "hit-place").text)
        # The result count is announced to screen readers.
        self.assertEqual(self.driver.find_element(By.ID, "status").get_attribute("aria-live"), "polite")

    def test_the_snippet_is_inserted_as_html_and_every_other_field_as_text(self):
        self.open("/")
        # A hit as the API could send it: a snippet with <mark> and escaped markup (safe
        # HTML by contract), a title and a place with markup characters (plain text).
        self.driver.execute_script("""
            const realFetch = window.fetch;
            window.fetch = async (url, options) => {
              const response = await realFetch(url, options);
              if (!String(url).includes('q=Radverkehr')) return response;
              const body = await response.json();
              Object.assign(body.hits[0], {title: '<img src=x onerror="window.pwned=1">Titel',
                municipality: '<b>Ort</b>',
                snippet: '… der <mark>Radverkehr</mark> &lt;script&gt;alert(1)&lt;/script&gt; …'});
              return new Response(JSON.stringify(body), {status: 200, headers: {'Content-Type': 'application/json'}});
            };""")
        self.search_in_box("Radverkehr")
        first = wait_for(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, "#hits > li.hit"))
        self.assertEqual(first.find_element(By.CSS_SELECTOR, ".snippet mark").text, "Radverkehr")
        self.assertIn("<script>alert(1)</script>", first.find_element(By.CSS_SELECTOR, ".snippet").text)
        self.assertEqual(first.find_element(By.CSS_SELECTOR, ".hit-title").text, '<img src=x onerror="window.pwned=1">Titel')
        self.assertIn("<b>Ort</b>", first.find_element(By.CLASS_NAME, "hit-place").text)
        self.assertFalse(first.find_elements(By.CSS_SELECTOR, "img, b, script"))
        self.assertIsNone(self.driver.execute_script("return window.pwned"))

    def test_ticking_facets_changes_results_and_counts_as_the_api_says(self):
        self.open("/?q=Strategie")
        api = self.lupe.search(q="Strategie", facets="type,year,state,topic,publisher")
        states = [v for v in api["facets"]["state"] if v["count"] > 0]
        self.assertGreaterEqual(len(states), 2)
        self.assertEqual(self.facet_counts("state"), {v["value"]: v["count"] for v in api["facets"]["state"][:8]})
        first, second = states[0]["value"], states[1]["value"]

        self.driver.find_element(By.CSS_SELECTOR, f'input[data-facet="state"][data-value="{first}"]').click()
        wait_for(self.driver, lambda d: self.params().get("filter.state") == [first], "no filter.state in the URL")
        self.wait_loaded()
        filtered = self.lupe.search(q="Strategie", filter_state=first, facets="type,year,state,topic,publisher")
        self.assertEqual(filtered["total"], states[0]["count"])
        self.expect_hits_of(filtered)
        self.assertIn(f"{filtered['total']} Treffer", self.status())
        for place in self.driver.find_elements(By.CSS_SELECTOR, "#hits .hit-place"):
            self.assertTrue(place.text.endswith(first), place.text)
        # Other facets are counted within the filter; the state facet keeps every Land
        # (multi-select), and the ticked box keeps the keyboard focus.
        self.assertEqual(self.facet_counts("type"), {v["value"]: v["count"] for v in filtered["facets"]["type"][:8]})
        self.assertEqual(self.facet_counts("state"), {v["value"]: v["count"] for v in filtered["facets"]["state"][:8]})
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("data-value"), first)
        chips = [c.text for c in self.driver.find_elements(By.CSS_SELECTOR, "#chips .chip")]
        self.assertIn(f"Land: {first}", chips[0])

        # A second Land adds its hits (values of one facet are OR-ed).
        self.driver.find_element(By.CSS_SELECTOR, f'input[data-facet="state"][data-value="{second}"]').click()
        wait_for(self.driver, lambda d: self.params().get("filter.state") == [first, second])
        self.wait_loaded()
        both = self.lupe.search(q="Strategie", filter_state=[first, second])
        self.assertEqual(both["total"], states[0]["count"] + states[1]["count"])
        self.expect_hits_of(both)

        # Removing a chip drops that filter.
        self.driver.find_element(By.CSS_SELECTOR, "#chips .chip").click()
        wait_for(self.driver, lambda d: self.params().get("filter.state") == [second])
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(q="Strategie", filter_state=second))

    def test_a_url_opens_that_page_of_that_result_list(self):
        api = self.lupe.search(q="Strategie", facets="state")
        state = max(api["facets"]["state"], key=lambda v: v["count"])
        self.assertGreaterEqual(state["count"], 3)
        query = urllib.parse.urlencode({"q": "Strategie", "filter.state": state["value"], "per_page": 2, "page": 2})
        self.open("/?" + query)
        page2 = self.lupe.search(q="Strategie", filter_state=state["value"], per_page=2, page=2)
        self.expect_hits_of(page2)
        self.assertEqual(self.driver.find_element(By.ID, "q").get_attribute("value"), "Strategie")
        box = self.driver.find_element(By.CSS_SELECTOR, f'input[data-facet="state"][data-value="{state["value"]}"]')
        self.assertTrue(box.is_selected())
        current = self.driver.find_element(By.CSS_SELECTOR, '#pager a[aria-current="page"]')
        self.assertEqual(current.text, "2")
        self.assertEqual(self.driver.find_element(By.ID, "hits").get_attribute("start"), "3")
        # The pager moves on to page 3 (or back to 1) within the same list.
        self.driver.find_element(By.CSS_SELECTOR, '#pager a[aria-label="Vorherige Seite"]').click()
        wait_for(self.driver, lambda d: "page" not in self.params())
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(q="Strategie", filter_state=state["value"], per_page=2, page=1))

    def test_back_and_forward_restore_earlier_result_lists(self):
        self.open("/")
        self.search_in_box("Radverkehr")
        radverkehr = self.lupe.search(q="Radverkehr")
        self.expect_hits_of(radverkehr)
        self.search_in_box("Wärmeplanung")
        waerme = self.lupe.search(q="Wärmeplanung")
        self.expect_hits_of(waerme)
        self.assertNotEqual(radverkehr["hits"], waerme["hits"])

        self.driver.back()
        wait_for(self.driver, lambda d: self.params().get("q") == ["Radverkehr"])
        self.expect_hits_of(radverkehr)
        wait_for(self.driver, lambda d: d.find_element(By.ID, "q").get_attribute("value") == "Radverkehr")
        self.driver.forward()
        wait_for(self.driver, lambda d: self.params().get("q") == ["Wärmeplanung"])
        self.expect_hits_of(waerme)
        wait_for(self.driver, lambda d: d.find_element(By.ID, "q").get_attribute("value") == "Wärmeplanung")

    def test_sorting_by_date_both_ways(self):
        self.open("/?q=Stadt")
        sort = self.driver.find_element(By.ID, "sort")
        for label, value in (("älteste zuerst", "date_asc"), ("neueste zuerst", "date_desc")):
            sort.find_element(By.XPATH, f'option[normalize-space()="{label}"]').click()
            wait_for(self.driver, lambda d: self.params().get("sort") == [value], f"no sort={value} in the URL")
            self.wait_loaded()
            api = self.lupe.search(q="Stadt", sort=value)
            self.expect_hits_of(api)
            dates = [e.get_attribute("datetime")[:4] for e in self.driver.find_elements(By.CSS_SELECTOR, "#hits time")]
            self.assertEqual(dates, sorted(dates, reverse=(value == "date_desc")))
        sort.find_element(By.XPATH, 'option[normalize-space()="Relevanz"]').click()
        wait_for(self.driver, lambda d: "sort" not in self.params())
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(q="Stadt"))

    def test_the_year_chart_and_the_range_selects_filter_by_year(self):
        self.open("/")
        api = self.lupe.search(facets="year")
        years = sorted(int(v["value"]) for v in api["facets"]["year"])
        self.assertGreaterEqual(len(years), 3)
        bars = self.driver.find_elements(By.CSS_SELECTOR, "#year-chart .year-bar")
        self.assertEqual([int(b.get_attribute("data-year")) for b in bars], years)
        low, high = years[1], years[-2]
        self.driver.find_element(By.CSS_SELECTOR, f'.year-bar[data-year="{low}"]').click()
        wait_for(self.driver, lambda d: self.params().get("filter.year") == [str(low)])
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(filter_year=str(low)))
        self.driver.find_element(By.CSS_SELECTOR, f'.year-bar[data-year="{high}"]').click()
        wait_for(self.driver, lambda d: self.params().get("filter.year") == [f"{low}..{high}"])
        self.wait_loaded()
        ranged = self.lupe.search(filter_year=f"{low}..{high}")
        self.expect_hits_of(ranged)
        self.assertIn(f"{ranged['total']} Treffer", self.status())
        self.assertIn(f"Jahr: {low}–{high}", self.driver.find_element(By.CSS_SELECTOR, "#chips .chip").text)
        # "bis" open: from low onwards.
        self.driver.find_element(By.CSS_SELECTOR, '#year-to option[value=""]').click()
        wait_for(self.driver, lambda d: self.params().get("filter.year") == [f"{low}.."])
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(filter_year=f"{low}.."))

    def test_an_empty_result_says_why_and_offers_to_drop_the_filters(self):
        self.open("/?q=Xylophonorchesterprobe")
        empty = self.driver.find_element(By.ID, "empty")
        self.assertTrue(empty.is_displayed())
        self.assertIn("Kein Dokument enthält „Xylophonorchesterprobe“", empty.text)
        self.assertIn("Keine Treffer", self.status())

        api = self.lupe.search(q="Bürgerbeteiligung", facets="state")
        absent = next(v["value"] for v in self.lupe.search(facets="state")["facets"]["state"]
                      if v["value"] not in {s["value"] for s in api["facets"]["state"] if s["count"] > 0})
        self.open("/?" + urllib.parse.urlencode({"q": "Bürgerbeteiligung", "filter.state": absent}))
        empty = self.driver.find_element(By.ID, "empty")
        wait_for(self.driver, lambda d: f"Ohne Filter gäbe es {api['total']} Treffer" in empty.text)
        self.assertIn(f"Land: {absent}", empty.text)
        empty.find_element(By.CLASS_NAME, "drop-filters").click()
        wait_for(self.driver, lambda d: "filter.state" not in self.params())
        self.wait_loaded()
        self.expect_hits_of(api)

    def test_api_errors_are_shown_with_the_api_message(self):
        status, body = self.lupe.api("/api/v1/search", {"q": "Stadt", "filter.nosuch": "x"})
        self.assertEqual(status, 400)
        self.open("/?q=Stadt&filter.nosuch=x")
        error = self.driver.find_element(By.ID, "error")
        self.assertTrue(error.is_displayed())
        self.assertIn(body["error"]["message"], error.text)
        self.assertEqual(self.hit_ids(), [])

        status, body = self.lupe.api("/api/v1/search", {"q": "Stadt", "page": "100000"})
        self.assertEqual(status, 400)
        self.open("/?q=Stadt&page=100000")
        wait_for(self.driver, lambda d: body["error"]["message"] in d.find_element(By.ID, "error").text)

    def test_autocomplete_shows_the_suggest_endpoints_answer(self):
        status, body = self.lupe.api("/api/v1/suggest", {"q": "Stad"})
        self.open("/")
        box = self.driver.find_element(By.ID, "q")
        box.send_keys("Stad")
        wait_for(self.driver, lambda d: d.execute_script(
            "return performance.getEntriesByType('resource').some(e => e.name.includes('/api/v1/suggest?q=Stad'))"),
            "no request to /api/v1/suggest")
        listbox = self.driver.find_element(By.ID, "suggestions")
        self.assertEqual(status, 200)
        texts = [s["text"] for s in body["suggestions"]]
        self.assertTrue(texts)
        wait_for(self.driver, lambda d: [o.text.split("\n")[0] for o in
                                         listbox.find_elements(By.CSS_SELECTOR, "[role=option]")] == texts)

    def test_autocomplete_listbox_works_with_the_keyboard(self):
        # A fixed answer in the suggest format, so the test knows the options it navigates
        # (the real endpoint's answer is checked in the test above).
        self.open("/")
        self.driver.execute_script("""
            const realFetch = window.fetch;
            window.fetch = (url, options) => String(url).includes('/api/v1/suggest?')
              ? Promise.resolve(new Response(JSON.stringify({query: 'Sta', suggestions: [
                  {text: 'Stadtentwicklung', kind: 'word'}, {text: 'Stadtwerke', kind: 'word'},
                  {text: 'Smart-City-Strategie Bamberg', kind: 'title', id: 'bamberg-smart-city-strategie-2021'}]}),
                  {status: 200, headers: {'Content-Type': 'application/json'}}))
              : realFetch(url, options);""")
        box = self.driver.find_element(By.ID, "q")
        box.send_keys("Sta")
        listbox = self.driver.find_element(By.ID, "suggestions")
        wait_for(self.driver, lambda d: listbox.is_displayed() and len(listbox.find_elements(By.CSS_SELECTOR, "[role=option]")) == 3)
        self.assertEqual(box.get_attribute("aria-expanded"), "true")
        box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        self.assertEqual(box.get_attribute("aria-activedescendant"), "suggestion-1")
        self.assertEqual(self.driver.find_element(By.ID, "suggestion-1").get_attribute("aria-selected"), "true")
        box.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)  # wraps around to the last one
        self.assertEqual(box.get_attribute("aria-activedescendant"), "suggestion-2")
        box.send_keys(Keys.ESCAPE)
        self.assertFalse(listbox.is_displayed())
        box.send_keys("d")
        wait_for(self.driver, lambda d: listbox.is_displayed())
        box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
        wait_for(self.driver, lambda d: self.params().get("q") == ["Stadtentwicklung"])
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(q="Stadtentwicklung"))

    def test_similar_documents_button_lists_the_contracts_hits_and_shows_errors(self):
        # Fixed answers in the similar-documents format (similar_test.py tests the real
        # endpoint), so the test controls both cases: the first hit's id gets two documents,
        # every other id the API's 404, whose message the page must show.
        api = self.lupe.search(q="Strategie")
        self.assertGreaterEqual(len(api["hits"]), 4)
        first, second = api["hits"][0], api["hits"][1]
        self.open("/")
        self.driver.execute_script("""
            const [id, others] = arguments;
            const realFetch = window.fetch;
            window.fetch = (url, options) => {
              const match = /\\/api\\/v1\\/documents\\/([^/]+)\\/similar\\?per_page=5$/.exec(String(url));
              if (!match) return realFetch(url, options);
              const body = decodeURIComponent(match[1]) === id
                ? {id, total: others.length, hits: others}
                : {error: {code: 'not_found', message: 'kein Dokument ' + decodeURIComponent(match[1])}};
              return Promise.resolve(new Response(JSON.stringify(body),
                {status: body.error ? 404 : 200, headers: {'Content-Type': 'application/json'}}));
            };""", first["id"], api["hits"][2:4])
        self.search_in_box("Strategie")
        item = wait_for(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, "#hits > li.hit"))
        button = item.find_element(By.CLASS_NAME, "similar-toggle")
        button.click()
        links = wait_for(self.driver, lambda d: item.find_elements(By.CSS_SELECTOR, ".similar-list a"))
        self.assertEqual([a.text for a in links], [h["title"] for h in api["hits"][2:4]])
        self.assertEqual([a.get_attribute("href") for a in links], [h["url"] for h in api["hits"][2:4]])
        self.assertEqual(button.get_attribute("aria-expanded"), "true")
        other = self.driver.find_element(By.CSS_SELECTOR, f'#hits > li.hit[data-id="{second["id"]}"]')
        other.find_element(By.CLASS_NAME, "similar-toggle").click()
        error = wait_for(self.driver, lambda d: other.find_element(By.CSS_SELECTOR, ".similar .error-inline"))
        self.assertIn(f"kein Dokument {second['id']}", error.text)

    def test_did_you_mean_appears_only_with_a_suggestion(self):
        self.open("/?q=Stadt")
        self.assertFalse(self.driver.find_element(By.ID, "did-you-mean").is_displayed())
        # The search response's optional "suggestion" field (added by another component):
        # injected here into the real response.
        self.driver.execute_script("""
            const realFetch = window.fetch;
            window.fetch = async (url, options) => {
              const response = await realFetch(url, options);
              if (!String(url).includes('/api/v1/search?') || !String(url).includes('q=Stadtentwiklung')) return response;
              const body = await response.json();
              body.suggestion = 'Stadtentwicklung';
              return new Response(JSON.stringify(body), {status: response.status, headers: {'Content-Type': 'application/json'}});
            };""")
        box = self.driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys("Stadtentwiklung", Keys.ENTER)
        hint = self.driver.find_element(By.ID, "did-you-mean")
        wait_for(self.driver, lambda d: hint.is_displayed())
        self.assertEqual(hint.text, "Meinten Sie Stadtentwicklung?")
        hint.find_element(By.TAG_NAME, "a").click()
        wait_for(self.driver, lambda d: self.params().get("q") == ["Stadtentwicklung"])
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(q="Stadtentwicklung"))

    def test_on_a_phone_the_facets_come_below_the_results(self):
        self.driver.set_window_size(390, 844)
        try:
            self.open("/?q=Stadt")
            results = self.driver.find_element(By.ID, "results").rect
            facets = self.driver.find_element(By.CSS_SELECTOR, "aside.facets").rect
            self.assertGreaterEqual(facets["y"], results["y"] + results["height"] - 1)
            width = self.driver.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, self.driver.execute_script("return window.innerWidth"))
        finally:
            self.driver.set_window_size(1280, 900)

    def test_the_page_is_usable_with_the_keyboard_alone(self):
        self.open("/")
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        self.assertEqual(self.driver.switch_to.active_element.text, "Zu den Ergebnissen springen")
        self.driver.switch_to.active_element.send_keys(Keys.TAB)
        self.assertEqual(self.driver.switch_to.active_element.text, "Lupe")  # home link
        self.driver.switch_to.active_element.send_keys(Keys.TAB)
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "q")
        self.driver.switch_to.active_element.send_keys("Mobilität", Keys.ENTER)
        wait_for(self.driver, lambda d: self.params().get("q") == ["Mobilität"])
        self.wait_loaded()
        self.expect_hits_of(self.lupe.search(q="Mobilität"))
        # Every form control has an accessible name.
        unnamed = self.driver.execute_script("""
            return [...document.querySelectorAll('input, select, button')].filter(e =>
              !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()
            ).map(e => e.outerHTML);""")
        self.assertEqual(unnamed, [])


if __name__ == "__main__":
    run_tests(PageTest)
