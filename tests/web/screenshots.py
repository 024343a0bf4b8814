#!/usr/bin/env python3
"""Screenshots of the search page and the portal widget, desktop and phone width, into
docs/screenshots/. Run by hand after a build when the look changes, and commit the PNGs:

    /usr/bin/python3 tests/web/screenshots.py --indexer build/bin/lupe-indexer \
        --searchd build/bin/lupe-searchd --source-dir .
"""

import os
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lupe_browser import By, HostServer, Lupe, parse_args, start_browser, wait_for  # noqa: E402
from widget_test import host_page  # noqa: E402

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def full_page(driver, width, path):
    """A screenshot of the whole page at the given CSS width (a phone below 500px)."""
    metrics = {"width": width, "deviceScaleFactor": 1, "mobile": width < 500}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": 800})
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": height})
    driver.save_screenshot(path)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print(path)


def main():
    args, _ = parse_args()
    out = os.path.join(args.source_dir, "docs", "screenshots")
    os.makedirs(out, exist_ok=True)
    site = tempfile.TemporaryDirectory(prefix="lupe-host-")
    host = HostServer(site.name)
    lupe = Lupe(args, cors_origins=host.origin)
    with open(os.path.join(site.name, "host.html"), "w", encoding="utf-8") as page:
        page.write(host_page(args.source_dir, lupe.url))
    driver = start_browser()
    try:
        query = urllib.parse.urlencode([("q", "Bürgerbeteiligung"), ("filter.year", "2020..")])
        for name, (width, height) in SIZES.items():
            driver.set_window_size(width, height)
            driver.get(f"{lupe.url}/?{query}")
            wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#hits > li.hit"))
            full_page(driver, width, os.path.join(out, f"page-{name}.png"))

            driver.set_window_size(width, height)
            driver.get(host.origin + "/host.html")
            root = wait_for(driver, lambda d: d.find_element(By.ID, "lupe-bayern").shadow_root)
            root.find_element(By.CSS_SELECTOR, "input[type=search]").send_keys("Strategie\n")
            wait_for(driver, lambda d: root.find_elements(By.CSS_SELECTOR, "li.hit"))
            full_page(driver, width, os.path.join(out, f"widget-{name}.png"))
    finally:
        driver.quit()
        lupe.close()
        host.close()
        site.cleanup()


if __name__ == "__main__":
    main()
