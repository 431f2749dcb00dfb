// Package browsertest holds the tests that run the portal in a real
// browser: Debian's headless Chromium, driven over the DevTools protocol
// through a pipe (internal/cdp), against a site built by internal/build and
// served from a temporary folder. They cover search, the filtered list, the
// registration form (whose file the real "mohinh check" must accept) and
// accessibility, with axe-core from npm (package.json here; .ci/run runs
// "npm ci").
//
// Without Chromium the tests skip, except under CI (CI set), where a
// missing browser fails them. MOHINH_SCREENSHOTS=DIR saves screenshots of
// the pages they visit; MOHINH_BROWSER_SITE=DIR measures search on a site
// already built there (see TestSearchAtScale).
package browsertest
