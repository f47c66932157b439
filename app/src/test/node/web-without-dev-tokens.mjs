// The web client where the service mints no demo tokens (production): the page works for anonymous visitors,
// and the demo sign-in is absent. Prints one JSON line; DevTokenRouteTest asserts on it.
// Usage: node web-without-dev-tokens.mjs <baseUrl>
import { launchBrowser } from './browser-support.mjs';

const [baseUrl] = process.argv.slice(2);
const chromium = await launchBrowser();
const watchdog = setTimeout(() => chromium.close(), 25_000);
try {
  const page = await (await chromium.browser.newContext()).newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  const response = await page.goto(baseUrl + '/');
  await page.locator('#view > *').first().waitFor(); // drawn once the header knows whether to offer a sign-in
  console.log(JSON.stringify({
    status: response.status(),
    contentSecurityPolicy: response.headers()['content-security-policy'] ?? null,
    view: (await page.locator('#view').textContent()).trim(),
    signInForms: await page.locator('#demo-sign-in').count(),
    header: (await page.locator('#session').textContent()).trim(),
    problems,
  }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, reason: String(error?.stack ?? error) }));
} finally {
  clearTimeout(watchdog);
  await chromium.close();
}
