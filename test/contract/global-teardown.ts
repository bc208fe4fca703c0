/** Stops everything globalSetup started, last started first; jest runs this even when tests fail. */
export default async function globalTeardown(): Promise<void> {
  for (const stop of (globalThis.__CONTRACT_STOPS__ ?? []).reverse()) await stop();
}
