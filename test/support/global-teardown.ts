/** Stops the engine globalSetup started; jest runs this even when tests fail. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__DYNAMODB_ENGINE__?.stop();
}
