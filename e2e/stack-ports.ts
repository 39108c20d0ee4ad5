/** Loopback ports of the e2e stack; fixed so Playwright's webServer and specs agree. */
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 3101);
export const CONTROL_URL = `http://127.0.0.1:${E2E_CONTROL_PORT}`;
