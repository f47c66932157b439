// What the benchmarks share: progress on stderr, the REST API of the service under test, percentiles, CPU time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const log = (...args) => console.error('[bench]', ...args);

/**
 * The service's REST API at `baseUrl`: `request` answers {status, json}; `ok` throws on an error status. With
 * `timeoutMs`, a request that has not been answered by then fails (AbortSignal's TimeoutError).
 */
export function http(baseUrl, { timeoutMs = 0 } = {}) {
  async function request(method, path, token, body) {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined,
    });
    const json = await response.json().catch(() => null);
    return { status: response.status, json };
  }
  async function ok(method, path, token, body) {
    const { status, json } = await request(method, path, token, body);
    if (status >= 300) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`);
    return json;
  }
  return { request, ok };
}

/** The p-th percentile of an ascending array, or null when it is empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/**
 * CPU seconds used so far by the service under test (process `servicePid`, from Linux's /proc; null without a pid)
 * and by this client. Differences over a phase tell what each side spends per unit of work, however loaded the
 * machine is, where wall-clock rates only tell what this machine managed at that moment.
 */
export function cpuSeconds(servicePid) {
  let service = null;
  if (servicePid) {
    const fields = readFileSync(`/proc/${servicePid}/stat`, 'utf8').split(') ')[1].split(' ');
    service = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND; // utime + stime
  }
  const { user, system } = process.cpuUsage();
  return { service, client: (user + system) / 1e6 };
}
