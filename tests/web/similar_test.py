#!/usr/bin/env python3
""""Ähnliche Dokumente" on the search page: a hit's button loads
GET /api/v1/documents/{id}/similar?per_page=5 and lists the titles as links under the hit.
Needs that endpoint in lupe-searchd.

Usage: similar_test.py --indexer BIN --searchd BIN --source-dir DIR [unittest args]
"""

import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lupe_browser import BrowserTestCase, By, run_tests, wait_for  # noqa: E402


class SimilarTest(BrowserTestCase):
    def test_similar_documents_of_a_hit_are_listed_as_links_under_it(self):
        api = self.lupe.search(q="Bürgerbeteiligung")
        hit = api["hits"][0]
        status, similar = self.lupe.api(f"/api/v1/documents/{urllib.parse.quote(hit['id'], safe='')}/similar",
                                        {"per_page": 5})
        self.assertEqual(status, 200, f"GET /api/v1/documents/{{id}}/similar is not there: {similar}")
        self.assertGreater(len(similar["hits"]), 0)

        self.driver.get(self.lupe.url + "/?q=B%C3%BCrgerbeteiligung")
        item = wait_for(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, f'#hits > li.hit[data-id="{hit["id"]}"]'))
        button = item.find_element(By.CLASS_NAME, "similar-toggle")
        self.assertEqual(button.text, "Ähnliche Dokumente")
        self.assertEqual(button.get_attribute("aria-expanded"), "false")
        button.click()
        self.assertEqual(button.get_attribute("aria-expanded"), "true")
        region = item.find_element(By.ID, button.get_attribute("aria-controls"))
        links = wait_for(self.driver, lambda d: region.find_elements(By.CSS_SELECTOR, ".similar-list a"))
        self.assertEqual([a.text for a in links], [h["title"] or h["id"] for h in similar["hits"] if h["url"]])
        self.assertEqual([a.get_attribute("href") for a in links], [h["url"] for h in similar["hits"] if h["url"]])
        self.assertNotIn(hit["id"], [h["id"] for h in similar["hits"]])
        # A second click folds the list away again.
        button.click()
        self.assertFalse(region.is_displayed())
        self.assertEqual(button.get_attribute("aria-expanded"), "false")


if __name__ == "__main__":
    run_tests(SimilarTest)
