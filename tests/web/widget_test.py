#!/usr/bin/env python3
"""The portal widget (searchd/web/widget.js) embedded in a host page from another origin:
searchd/web/examples/host.html served by a separate HTTP server on http://localhost:PORT,
pointing at lupe-searchd on http://127.0.0.1:PORT, which allows the host's origin (CORS).

Usage: widget_test.py --indexer BIN --searchd BIN --source-dir DIR [unittest args]
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lupe_browser import BrowserTestCase, By, HostServer, Keys, run_tests, wait_for  # noqa: E402


def host_page(source_dir, searchd_url):
    """The example host page, pointing at searchd_url instead of http://localhost:8080."""
    with open(os.path.join(source_dir, "searchd", "web", "examples", "host.html"), encoding="utf-8") as page:
        text = page.read()
    assert "http://localhost:8080" in text
    return text.replace("http://localhost:8080", searchd_url)


class WidgetTest(BrowserTestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = tempfile.TemporaryDirectory(prefix="lupe-host-")
        cls.host = HostServer(cls.site.name)
        cls.cors_origins = cls.host.origin
        try:
            super().setUpClass()
        except BaseException:
            cls.host.close()
            cls.site.cleanup()
            raise
        with open(os.path.join(cls.site.name, "host.html"), "w", encoding="utf-8") as out:
            out.write(host_page(cls.args.source_dir, cls.lupe.url))

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.host.close()
        cls.site.cleanup()

    def widget(self):
        host = wait_for(self.driver, lambda d: d.find_element(By.ID, "lupe-bayern"))
        return wait_for(self.driver, lambda d: host.shadow_root)

    def search(self, root, text):
        box = root.find_element(By.CSS_SELECTOR, "input[type=search]")
        box.clear()
        box.send_keys(text, Keys.ENTER)

    def hits(self, root):
        return root.find_elements(By.CSS_SELECTOR, "li.hit")

    def test_the_widget_searches_cross_origin_with_its_fixed_filter(self):
        self.driver.get(self.host.origin + "/host.html")
        self.assertNotEqual(self.host.origin, self.lupe.url)
        root = self.widget()
        self.assertIn("Land: Bayern", root.find_element(By.CSS_SELECTOR, ".preset").text)
        self.search(root, "Stadt")
        api = self.lupe.search(q="Stadt", filter_state="Bayern", per_page=3, facets="type,topic")
        self.assertGreater(api["total"], 0)
        status = root.find_element(By.CSS_SELECTOR, ".status")
        wait_for(self.driver, lambda d: status.text == f"{api['total']} Treffer für „Stadt“", "no results in the widget")
        titles = [h.find_element(By.CSS_SELECTOR, ".title").text for h in self.hits(root)]
        self.assertEqual(titles, [h["title"] for h in api["hits"]])
        for hit in self.hits(root):
            self.assertIn("Bayern", hit.find_element(By.CSS_SELECTOR, ".meta").text)
        self.assertEqual([s.get_attribute("innerHTML") for s in root.find_elements(By.CSS_SELECTOR, ".snippet")],
                         [h["snippet"] for h in api["hits"]])

        # A facet of the widget narrows the results as the API counts them.
        entry = api["facets"]["type"][0]
        label = next(lb for lb in root.find_elements(By.CSS_SELECTOR, 'fieldset[data-facet="type"] label')
                     if lb.find_element(By.CSS_SELECTOR, "input").get_attribute("data-value") == entry["value"])
        self.assertEqual(label.find_element(By.CSS_SELECTOR, ".count").text, f"({entry['count']})")
        label.click()
        narrowed = self.lupe.search(q="Stadt", filter_state="Bayern", filter_type=entry["value"], per_page=3)
        wait_for(self.driver, lambda d: status.text.startswith(f"{narrowed['total']} Treffer")
                 and len(self.hits(root)) == len(narrowed["hits"]))

    def test_host_styles_do_not_reach_the_widget_and_the_widgets_do_not_leak_out(self):
        self.driver.get(self.host.origin + "/host.html")
        root = self.widget()
        self.search(root, "Strategie")
        hit = wait_for(self.driver, lambda d: self.hits(root) and self.hits(root)[0])
        style = lambda e, prop: self.driver.execute_script(  # noqa: E731
            "return getComputedStyle(arguments[0])[arguments[1]]", e, prop)
        # The host makes every li red upper case and every input dashed: not in the widget.
        self.assertEqual(style(hit, "textTransform"), "none")
        self.assertNotEqual(style(hit, "color"), "rgb(176, 0, 32)")
        self.assertNotEqual(style(root.find_element(By.CSS_SELECTOR, "input[type=search]"), "borderTopStyle"), "dashed")
        # The widget's styles stay inside: the host's own list keeps its look.
        host_li = self.driver.find_element(By.CSS_SELECTOR, "main > ul > li")
        self.assertEqual(style(host_li, "textTransform"), "uppercase")
        self.assertEqual(style(host_li, "color"), "rgb(176, 0, 32)")

    def test_the_widget_pages_through_results_without_touching_the_host_url(self):
        self.driver.get(self.host.origin + "/host.html")
        root = self.widget()
        self.search(root, "")
        api = self.lupe.search(filter_state="Bayern", per_page=3)
        self.assertGreater(api["total"], 3)
        page2 = self.lupe.search(filter_state="Bayern", per_page=3, page=2)
        wait_for(self.driver, lambda d: len(self.hits(root)) == len(api["hits"]))
        next_button = next(b for b in root.find_elements(By.CSS_SELECTOR, ".nav button") if "Weiter" in b.text)
        next_button.click()
        wait_for(self.driver, lambda d: [h.find_element(By.CSS_SELECTOR, ".title").text for h in self.hits(root)]
                 == [h["title"] for h in page2["hits"]])
        self.assertIn("Seite 2 von", root.find_element(By.CSS_SELECTOR, ".nav").text)
        self.assertEqual(self.driver.current_url, self.host.origin + "/host.html")

    def test_api_errors_show_in_the_widget_with_the_api_message(self):
        # A portal that misspelt a preset facet: the API's 400 message shows in the widget.
        with open(os.path.join(self.site.name, "typo.html"), "w", encoding="utf-8") as out:
            out.write(f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Tippfehler</title></head>
<body><div id="lupe-typo" data-lupe-search data-endpoint="{self.lupe.url}" data-filter-land="Bayern"
 data-query="Stadt"></div><script src="{self.lupe.url}/widget.js"></script></body></html>""")
        status, body = self.lupe.api("/api/v1/search", {"q": "Stadt", "filter.land": "Bayern"})
        self.assertEqual(status, 400)
        self.driver.get(self.host.origin + "/typo.html")
        host = wait_for(self.driver, lambda d: d.find_element(By.ID, "lupe-typo"))
        root = wait_for(self.driver, lambda d: host.shadow_root)
        error = wait_for(self.driver, lambda d: root.find_element(By.CSS_SELECTOR, ".error:not([hidden])"))
        self.assertIn(body["error"]["message"], error.text)
        self.assertEqual(self.hits(root), [])


if __name__ == "__main__":
    run_tests(WidgetTest)
